import type { Plugin } from 'vite'

/** react-router's own build, the ESM chunks that hold its components and hooks. */
const REACT_ROUTER_CHUNK =
  /[\\/]node_modules[\\/]react-router[\\/]dist[\\/].*[\\/]chunk-[^\\/]+\.mjs$/

/** The react-router these rewrites were written against (package.json pins it). */
const WRITTEN_FOR = '7.18.6'

interface Rewrite {
  /** What it does, for the build's error message. */
  name: string
  find: RegExp
  replace: string
}

/**
 * Turns `function name(…) {…}` into a stub that returns `value`, and renames the original
 * so that nothing refers to it any more and the bundler drops it.
 */
function stub(name: string, value: string): Rewrite {
  return {
    name: `stub ${name}`,
    find: new RegExp(`^function ${name}\\(`, 'm'),
    replace: `function ${name}() {\n  return ${value};\n}\nfunction unused_${name}(`,
  }
}

/**
 * react-router declares each component as `var Link = React.forwardRef(…)` followed by
 * `Link.displayName = "Link"`, with no pure annotation: to the bundler both statements are
 * side effects, so every component and what it uses ships whether the app renders it or not
 * (NavLink, Form, ScrollRestoration, fetchers, …). These rewrites mark those calls pure and
 * drop the displayName lines (only React DevTools reads them), so the unused ones are
 * tree-shaken.
 *
 * The rest are framework and data-router pieces that declarative routes (<BrowserRouter>,
 * <Routes>, <StaticRouter>) never render or use: <Link prefetch> needs framework mode's
 * context (without it the hook already answers "no prefetch"), and react-router renders its
 * error boundary (RenderErrorBoundary, with DefaultErrorComponent) only under a data router.
 * Each keeps its name and gives the declarative answer, so the rest goes unused. Lint forbids
 * data routers and `prefetch` (eslint.config.js); a route's error is the app's own
 * (src/app/route-boundary.tsx, tests/route-errors.spec.ts).
 * Together 4.8 KB gzip off each first load (decision 8).
 */
const REWRITES: Rewrite[] = [
  { name: 'drop displayName lines', find: /^\w+\.displayName = "[^"\n]*";$/gm, replace: '' },
  {
    name: 'mark forwardRef/createContext pure',
    find: /= (React\d*)\.(forwardRef|createContext)\(/g,
    replace: '= /* @__PURE__ */ $1.$2(',
  },
  stub('PrefetchPageLinks', 'null'),
  stub('usePrefetchBehavior', '[false, null, {}]'),
  stub('DefaultErrorComponent', 'null'),
  {
    name: 'RenderErrorBoundary as a pass-through',
    find: /^var RenderErrorBoundary = class /m,
    replace:
      'var RenderErrorBoundary = (props) => props.children;\nvar unused_RenderErrorBoundary = class ',
  },
]

/**
 * Rewrites react-router's chunks as REWRITES says, and fails the build, naming what no
 * longer matched, when a react-router other than the one they were written for has changed
 * the text a rewrite expects: the bytes would otherwise come back unnoticed.
 */
export function reactRouterTreeShaking(): Plugin {
  const matched = new Set<string>()
  return {
    name: 'briefing:react-router-tree-shaking',
    apply: 'build',
    buildStart() {
      matched.clear()
    },
    transform(code, id) {
      if (!REACT_ROUTER_CHUNK.test(id)) return null
      let out = code
      for (const { name, find, replace } of REWRITES) {
        find.lastIndex = 0
        if (!find.test(out)) continue
        matched.add(name)
        out = out.replace(find, replace)
      }
      return out === code ? null : { code: out, map: null }
    },
    buildEnd(error) {
      const missing = REWRITES.filter((r) => !matched.has(r.name)).map((r) => r.name)
      if (error || missing.length === 0) return
      throw new Error(
        `react-router's code no longer has what scripts/react-router-tree-shaking.ts rewrites ` +
          `(written for react-router ${WRITTEN_FOR}): ${missing.join('; ')}. Update the ` +
          `rewrites for this version, or remove reactRouterTreeShaking() from vite.config.ts ` +
          `and meet the first-load budget another way (docs/decisions/0008-library-rewrites-guarded.md).`,
      )
    },
  }
}
