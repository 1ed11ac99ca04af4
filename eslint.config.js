import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import directions of ../shared/DESIGN.md: features → procedure, zendesk, ui; zendesk → procedure; procedure → nothing. */
const forbid = (message, ...regexes) => ['error', { patterns: regexes.map((regex) => ({ regex, message })) }];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.tmp/', 'pkg/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML from data: render text.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Never write HTML from data: use textContent.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/procedure/**'],
    rules: { 'no-restricted-imports': forbid('procedure/ is pure: no React, no Zendesk, no UI.', '^react', '/(zendesk|features|ui|app)/', '^zendesk_app_framework_sdk') },
  },
  {
    files: ['src/zendesk/**'],
    rules: { 'no-restricted-imports': forbid('zendesk/ may use procedure/ types only.', '/(features|ui|app)/', '^react') },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': forbid('ui/ is shared: it never imports a feature.', '/features/', '/app/') },
  },
  {
    files: ['src/features/**'],
    rules: { 'no-restricted-imports': forbid('A feature never imports another feature: move the shared piece to ui/ or procedure/.', '^\\.\\./(?!\\.\\.)[^/]+/') },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-eval': 'error', 'no-new-func': 'error' },
  },
  {
    files: ['sandbox/**'],
    rules: { 'no-restricted-imports': forbid('The sandbox stands in for Zendesk: it never imports the app.', '(^|/)src/') },
  },
);
