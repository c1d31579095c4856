import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/*
 * Imports run one way: lib and components -> features -> app (README, "How the code is laid
 * out"), and a feature imports from no other feature but the feed (decision 2). Each folder
 * gets its own list, with what every folder forbids.
 */
const features = ['embed', 'feed', 'reading', 'story', 'topics']
const everywhere = {
  // scripts/react-router-tree-shaking.ts drops what only a data router uses (decision 8).
  paths: [
    {
      name: 'react-router',
      importNames: [
        'createBrowserRouter',
        'createHashRouter',
        'createMemoryRouter',
        'createStaticRouter',
        'RouterProvider',
        'StaticRouterProvider',
      ],
      message:
        'Briefing builds react-router for declarative routes only (scripts/react-router-tree-shaking.ts, decision 8).',
    },
  ],
}
const restrictImports = (patterns) => ['error', { ...everywhere, patterns }]
const layer = (name, allowed, message) => ({
  files: [`src/${name}/**`],
  rules: { 'no-restricted-imports': restrictImports([{ regex: allowed, message }]) },
})

export default tseslint.config(
  {
    // dist-* are other builds (the server build dist-ssr/, the bench's dist-bench/).
    ignores: [
      'dist',
      'dist-*',
      'bench-feeds',
      'test-results',
      'playwright-report',
      'public',
      '*.tmp.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Feed HTML reaches the page through src/lib/sanitise.ts alone.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render feed HTML with <SafeHtml> (src/components/ui/safe-html.tsx).',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'Never set inner HTML; feed HTML goes through src/lib/sanitise.ts.',
        },
        {
          selector: 'AssignmentExpression[left.property.value=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'Never set inner HTML; feed HTML goes through src/lib/sanitise.ts.',
        },
        {
          selector: 'Property[key.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'Never set inner HTML; feed HTML goes through src/lib/sanitise.ts.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|parseHTMLUnsafe)$/]',
          message: 'Never parse HTML into the page; feed HTML goes through src/lib/sanitise.ts.',
        },
        {
          selector: "JSXAttribute[name.name='prefetch']",
          message:
            'Briefing builds react-router without <Link prefetch> (scripts/react-router-tree-shaking.ts).',
        },
        {
          selector:
            "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Never write HTML into the page; feed HTML goes through src/lib/sanitise.ts.',
        },
      ],
    },
  },
  { files: ['src/**'], rules: { 'no-restricted-imports': restrictImports([]) } },
  ...['lib', 'components'].map((name) =>
    layer(
      name,
      '(^|/)(features|app)(/|$)',
      `src/${name} is shared code: it imports nothing from src/features or src/app.`,
    ),
  ),
  ...features.map((name) =>
    layer(
      `features/${name}`,
      // A sibling folder (../story/…) or a path through features/ or app/, but the feed's
      // and this feature's own.
      `^\\.\\./(?!\\.\\./|feed/|${name}/)|(^|/)features/(?!feed/|${name}/)|(^|/)app(/|$)`,
      'A feature imports from src/features/feed and itself only; src/app composes features (decision 2).',
    ),
  ),
  {
    files: ['src/components/ui/safe-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
