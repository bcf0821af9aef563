import type { Logger } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { OneRunAtATime } from './periodic-task.js';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => warnings.push(m) } as unknown as Logger & { warnings: string[] };
}

describe('OneRunAtATime', () => {
  it('does not start a run of the same work while one is going, and runs it again afterwards', async () => {
    const runs = new OneRunAtATime(recordingLogger());
    let started = 0;
    let release!: () => void;
    const first = runs.run('purge', () => { started++; return new Promise<void>((r) => (release = r)); });
    await runs.run('purge', async () => { started++; });
    expect(started).toBe(1);
    await runs.run('checks', async () => { started++; });
    expect(started).toBe(2);
    release();
    await first;
    await runs.run('purge', async () => { started++; });
    expect(started).toBe(3);
  });

  it('logs a failing run and lets the next one start, or fails the job when asked', async () => {
    const logger = recordingLogger();
    const runs = new OneRunAtATime(logger);
    await runs.run('housekeeping', async () => { throw new Error('database away'); });
    expect(logger.warnings).toEqual(['housekeeping failed, will try again: database away']);
    await expect(runs.run('checks', async () => { throw new Error('boom'); }, { failJob: true })).rejects.toThrow('boom');
    let ran = false;
    await runs.run('checks', async () => { ran = true; });
    expect(ran).toBe(true);
  });
});
