// The project's lint rules (npm run lint; a step of npm test): ESLint's and typescript-eslint's
// recommended sets, over the site's source, the tools, the tests and the CI scripts, and React's
// rules of hooks over the site's components, and at most 80 lines a function in the site and the tools.
// Formatting is Prettier's (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['build/', '.docusaurus/', 'node_modules/', 'test-results/', 'bench-results/', 'examples/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,cjs,mjs,ts,tsx}'],
    languageOptions: {globals: {...globals.node}},
  },
  {
    // Code that runs in a browser: the site, and the script the PDF tool runs in its page.
    files: ['src/**/*.{ts,tsx,js}', 'tools/pdf/browser/**/*.js'],
    languageOptions: {globals: {...globals.browser}},
  },
  {...reactHooks.configs.flat.recommended, files: ['src/**/*.{ts,tsx}']},
  {
    // Long functions were split into named steps; this keeps them so. The diagram components are
    // SVG markup, one element after another, and the tests' bodies read as scripts: both left out.
    files: ['src/**/*.{ts,tsx,js}', 'tools/**/*.{ts,js,cjs}'],
    ignores: ['src/components/diagrams/**'],
    rules: {'max-lines-per-function': ['error', {max: 80, skipBlankLines: true, skipComments: true}]},
  },
  {
    // CommonJS files (plugins loaded by docusaurus.config.ts, the report contract) use require().
    files: ['**/*.cjs'],
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
);
