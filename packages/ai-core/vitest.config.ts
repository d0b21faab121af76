import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'ai-core',
    environment: 'node',
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts'],
  },
});
