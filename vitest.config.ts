import { tmpdir } from 'node:os';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC keeps the decorator metadata NestJS dependency injection needs (esbuild drops it).
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['src/**/*.spec.ts', 'console/src/**/*.spec.ts', 'test/**/*.test.ts'],
    // Fault injection and hostile input run afterwards, one file at a time (vitest.faults.config.ts):
    // they stop databases, kill processes and measure memory, which parallel files would disturb.
    exclude: ['**/node_modules/**', 'test/faults/**', 'test/hostile/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every process a test starts has its own DATA_DIR; the rules compiled from the shipped release
    // (named by the hash of their source) are shared between them instead of compiled again each time.
    // Workers started side by side take any free port for their health listener.
    env: { VALIDATION_CACHE_DIR: process.env.VALIDATION_CACHE_DIR ?? path.join(tmpdir(), 'peppol-ap-test-sef-cache'), WORKER_HTTP_PORT: '0' },
    reporters: ['default'],
  },
});
