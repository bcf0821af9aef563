import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle.js';

describe('Lifecycle', () => {
  it('drains: shutdown waits for work in flight and marks the process draining at once', async () => {
    const lifecycle = new Lifecycle();
    const done = lifecycle.begin();
    let drained = false;
    const shutdown = lifecycle.beforeApplicationShutdown().then(() => (drained = true));
    expect(lifecycle.isDraining).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    done();
    done(); // ending twice is harmless
    await shutdown;
    expect(drained).toBe(true);
  });

  it('shuts down at once when idle', async () => {
    const lifecycle = new Lifecycle();
    await lifecycle.beforeApplicationShutdown();
    expect(lifecycle.isDraining).toBe(true);
  });
});
