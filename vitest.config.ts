import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Three projects so a model change re-runs in milliseconds and the browser tests run once, in order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'models/**/*.test.ts',
            'data/**/*.test.ts',
            'packages/*/node/**/*.test.ts',
            'packages/*/shared/**/*.test.ts',
            'packages/*/client/**/*.test.ts',
            'styles/**/*.test.ts',
            'composables/**/*.test.ts',
            'tests/talk.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        plugins: [
          vue(),
        ],
        test: {
          name: 'components',
          include: ['components/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          // Fixture decks link the project's folders (styles/, layouts/): their tests are not e2e tests.
          exclude: ['tests/talk.test.ts', 'tests/fixtures/**'],
          environment: 'node',
          // Builds the site and PDFs once, under a sub-path, for every browser and PDF test.
          globalSetup: ['tests/setup/build-once.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
