// ESLint: typescript-eslint's type-aware recommended rules and the project's layer order.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['dist/', '.deploy/', 'node_modules/', 'out/', 'test-results/', 'static/', 'test/fixtures/', 'samples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { project: layers },
    rules: {
      'project/layers': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Implementations of async interfaces (stores, producers, credentials) need not await.
      '@typescript-eslint/require-await': 'off',
      // Prettier breaks what it can at 120; what is left over must be a literal it cannot break.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // Control characters are matched on purpose: they are stripped from untrusted text.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests, benches and builders look into JSON payloads as untyped data.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
