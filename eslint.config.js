import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

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
          selector:
            "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Never write HTML into the page; feed HTML goes through src/lib/sanitise.ts.',
        },
      ],
    },
  },
  {
    // One-way layout: shared code and features never reach into the app shell.
    files: ['src/features/**', 'src/components/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**'], message: 'Only src/app composes features.' }] },
      ],
    },
  },
  {
    files: ['src/components/ui/safe-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
