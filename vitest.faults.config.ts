import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// The fault-injection and hostile-input suites, one file at a time: they stop databases, kill
// processes and measure memory, so each owns the machine while it runs.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['test/faults/**/*.test.ts', 'test/hostile/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
