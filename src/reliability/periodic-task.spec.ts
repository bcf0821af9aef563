import { describe, expect, it } from 'vitest';
import { PeriodicTask } from './periodic-task.js';

describe('PeriodicTask', () => {
  it('runs at once, then again after the interval, never overlapping, and keeps going after a failure', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const errors: unknown[] = [];
    const task = new PeriodicTask(
      5,
      async () => {
        running++;
        overlapped ||= running > 1;
        runs++;
        await new Promise((r) => setTimeout(r, 10));
        running--;
        if (runs === 2) throw new Error('database away');
      },
      (error) => errors.push(error),
    );
    task.start();
    await new Promise((r) => setTimeout(r, 120));
    await task.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
