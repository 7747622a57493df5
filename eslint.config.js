// Lint rules for src, tests and scripts: typescript-eslint's recommended set, with type
// checking left to tsc (strict) so that the lint stays fast enough for every test run.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tests/fixtures/', 'tests/visual/diffs/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Core code never prints: only the CLI layer writes to the terminal (README: "The source tree").
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'stdout',
          message: 'Only src/cli writes to the terminal: return the text.',
        },
        {
          object: 'process',
          property: 'stderr',
          message: 'Only src/cli writes to the terminal: return a Problem.',
        },
        {
          object: 'process',
          property: 'exit',
          message: 'Only src/cli ends the process: throw a LecternError.',
        },
      ],
    },
  },
);
