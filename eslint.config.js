import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers } from './scripts/eslint/layers.js';

// One schema library: valibot (zod/mini weighed 12.7 KB gzip of the sidebar's first load).
const oneSchemaLibrary = { regex: '^zod(/|$)', message: 'Schemas are written with valibot.' };

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
    files: ['src/**/*.{ts,tsx}', 'sandbox/**/*.{js,mjs}'],
    plugins: { house: { rules: { layers } } },
    rules: { 'house/layers': 'error', 'no-restricted-imports': ['error', { patterns: [oneSchemaLibrary] }] },
  },
  {
    files: ['src/procedure/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [oneSchemaLibrary, { regex: '^react', message: 'procedure/ is pure: no React.' }, { regex: '^zendesk_app_framework_sdk', message: 'procedure/ never talks to Zendesk.' }] }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-eval': 'error', 'no-new-func': 'error' },
  },
);
