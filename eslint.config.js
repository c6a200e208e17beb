import eslint from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'db/migrations', 'tests/output'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The local web chat: plain browser ES modules, served as they are.
    files: ['bot/local/web/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // CommonJS configuration files read by tools (dependency-cruiser).
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  {
    files: ['cli/**', 'tests/bench/**', 'bot/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The build that `npm start` runs before the compiled bot: plain JavaScript for node.
    files: ['scripts/**/*.js'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
)
