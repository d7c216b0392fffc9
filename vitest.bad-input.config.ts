import { defineConfig } from 'vitest/config';

/** The standing bad-input suite (tests/bad-input), run on its own: `npm run bad-input`. */
export default defineConfig({
  test: {
    include: ['tests/bad-input/*.suite.ts'],
    testTimeout: 30_000,
  },
});
