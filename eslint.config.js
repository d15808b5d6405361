import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    // Slides are prose with HTML and components; the deck checker (npm run check) owns them.
    markdown: false,
    ignores: [
      'dist/**',
      'dist-*/**',
      'exports/**',
      '.cache/**',
      'tests/fixtures/**',
      'packages/*/dist/**',
      'screenshots/**',
      'bench-results/**',
    ],
  },
  {
    // Command-line tools print their results and may await at the top level.
    files: ['packages/*/node/**/*.ts', 'packages/*/bin/**/*.js'],
    rules: {
      'no-console': 'off',
      'antfu/no-top-level-await': 'off',
    },
  },
  {
    // npm applies a negation in `files` only to what the entries before it included: `!**/*.test.ts` must come last.
    files: ['packages/*/package.json'],
    rules: {
      'jsonc/sort-array-values': 'off',
    },
  },
  {
    // Functions are hoisted: helpers may sit below the code that reads best first.
    rules: {
      'ts/no-use-before-define': [
        'error',
        { functions: false, classes: true, variables: true },
      ],
    },
  },
)
