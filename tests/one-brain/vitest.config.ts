import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'one-brain',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
