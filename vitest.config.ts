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
            'tools/**/*.test.ts',
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
          exclude: ['tests/talk.test.ts'],
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
