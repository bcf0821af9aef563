import { tmpdir } from 'node:os';
import path from 'node:path';
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
    // Every process a test starts has its own DATA_DIR; the rules compiled from the shipped release
    // (named by the hash of their source) are shared between them instead of compiled again each time.
    // Workers started side by side take any free port for their health listener.
    env: { VALIDATION_CACHE_DIR: process.env.VALIDATION_CACHE_DIR ?? path.join(tmpdir(), 'peppol-ap-test-sef-cache'), WORKER_HTTP_PORT: '0' },
    reporters: ['default'],
  },
});
