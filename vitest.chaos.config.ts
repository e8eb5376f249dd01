import { defineConfig } from 'vitest/config';

/** `npm run chaos`: the fault scenarios (test/chaos/*.chaos.ts), one file at a time, with the table they print. */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.chaos.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
