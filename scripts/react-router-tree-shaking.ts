import type { Plugin } from 'vite'

/** react-router's own build, the ESM chunks that hold its components and hooks. */
const REACT_ROUTER_CHUNK =
  /[\\/]node_modules[\\/]react-router[\\/]dist[\\/].*[\\/]chunk-[^\\/]+\.mjs$/

/**
 * Turns `function name(…) {…}` into a stub that returns `value`, and renames the original
 * so that nothing refers to it any more and the bundler drops it.
 */
function stub(name: string, value: string): [RegExp, string] {
  return [
    new RegExp(`^function ${name}\\(`, 'm'),
    `function ${name}() {\n  return ${value};\n}\nfunction unused_${name}(`,
  ]
}

/**
 * react-router declares each component as `var Link = React.forwardRef(…)` followed by
 * `Link.displayName = "Link"`, with no pure annotation: to the bundler both statements are
 * side effects, so every component and what it uses ships whether the app renders it or not
 * (NavLink, Form, ScrollRestoration, fetchers, …). This marks those calls pure and drops the
 * displayName lines (only React DevTools reads them), so the unused ones are tree-shaken:
 * about 3.5 KB gzip off the first load with the stubs below. Nothing used changes; the byte budget test
 * (tests/perf.spec.ts) notices if a react-router upgrade stops matching.
 */
export function reactRouterTreeShaking(): Plugin {
  return {
    name: 'briefing:react-router-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!REACT_ROUTER_CHUNK.test(id)) return null
      return {
        code: code
          .replace(/^\w+\.displayName = "[^"\n]*";$/gm, '')
          .replace(/= (React\d*)\.(forwardRef|createContext)\(/g, '= /* @__PURE__ */ $1.$2(')
          // Framework and data-router pieces that declarative routes (<BrowserRouter>,
          // <Routes>) never render or use: <Link prefetch> needs framework mode's context
          // (without it the hook already answers "no prefetch"), and the default error
          // element is only rendered by a data router. Each keeps its name and gives the
          // declarative answer, so the rest goes unused. Drop these lines if the app ever
          // moves to a data router (createBrowserRouter) or framework mode.
          .replace(...stub('PrefetchPageLinks', 'null'))
          .replace(...stub('usePrefetchBehavior', '[false, null, {}]'))
          .replace(...stub('DefaultErrorComponent', 'null'))
          .replace(
            /^var RenderErrorBoundary = class /m,
            'var RenderErrorBoundary = (props) => props.children;\nvar unused_RenderErrorBoundary = class ',
          ),
        map: null,
      }
    },
  }
}
