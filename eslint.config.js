// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One `no-restricted-imports` block per layer of src/: `forbidden` names the folders above it.
 * @param {Array<[string, string[]]>} layers
 */
function layerRules(layers) {
  return layers.map(([layer, forbidden]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbidden.map((name) => `**/${name}/**`),
              message: `src/${layer} sits below ${forbidden.join(', ')}: arrows only run down.`,
            },
          ],
        },
      ],
    },
  }));
}

/**
 * tsx (esbuild) writes a \\p{…} regex literal as `new RegExp(…)`, so inside a function it is built again
 * on every call; a module constant is built once. Held in the core and in src/io, which reads every page.
 */
const PROPERTY_ESCAPE_IN_FUNCTION = {
  selector: ':function Literal[regex.pattern=/\\\\p[{]/]',
  message: 'Make a \\p{…} regex a module constant: tsx rebuilds it on every call.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'samples/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: records in, records out. It never touches I/O, the process or outer layers.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/io/**',
                '**/storage/**',
                '**/feeds/**',
                '**/service/**',
                '**/cli/**',
                '**/server/**',
                '**/web/**',
                '**/eval/**',
              ],
              message: 'src/core must not import outer layers.',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'https',
                'child_process',
                'better-sqlite3',
                'pg',
                'fastify',
              ],
              message: 'src/core is pure: no I/O modules.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', PROPERTY_ESCAPE_IN_FUNCTION],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core must not read the process; pass options in.' },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', PROPERTY_ESCAPE_IN_FUNCTION] },
  },
  // Arrows only run down: each layer may import the layers listed under it, never one above.
  //   cli → server → service → web, feeds, io, storage, eval, jobs → core
  ...layerRules([
    ['io', ['storage', 'eval', 'feeds', 'web', 'jobs', 'service', 'server', 'cli']],
    ['storage', ['io', 'eval', 'feeds', 'web', 'jobs', 'service', 'server', 'cli']],
    ['feeds', ['storage', 'eval', 'web', 'jobs', 'service', 'server', 'cli']],
    ['eval', ['storage', 'feeds', 'web', 'jobs', 'service', 'server', 'cli']],
    ['web', ['io', 'eval', 'feeds', 'jobs', 'service', 'server', 'cli']],
    ['jobs', ['io', 'storage', 'eval', 'feeds', 'web', 'service', 'server', 'cli']],
    ['service', ['web', 'server', 'cli']],
    ['server', ['cli']],
  ]),
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
