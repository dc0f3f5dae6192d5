import { defineConfig } from 'vitest/config';
import { settingsValidators } from './build/settingsValidators.mjs';

export default defineConfig({
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        // The views import their settings validators, generated from extension.json.
        plugins: [settingsValidators()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Two cores: one Chromium at a time keeps timings honest and the run short.
          fileParallelism: false,
        },
      },
    ],
  },
});
