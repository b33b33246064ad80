import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned end-to-end tests and property tests need more than the default 5 s on a 2-core machine.
    testTimeout: 30_000,
  },
});
