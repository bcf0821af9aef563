import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableWriteError, DurableWriterPool } from './durable-writer-pool.js';

describe('DurableWriterPool', () => {
  let dir: string;
  let pool: DurableWriterPool;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'durable-'));
    pool = new DurableWriterPool(2);
  });
  afterEach(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, content: string, target = path.join(dir, 'out', 'a', 'b', name)) => ({
    bytes: Buffer.from(content),
    temporary: path.join(dir, `${name}.part`),
    target,
  });

  it('writes each file to its target, creating missing directories, with no temporary left', async () => {
    await pool.write([file('one', '1'), file('two', '22')]);
    expect(readFileSync(path.join(dir, 'out/a/b/one'), 'utf8')).toBe('1');
    expect(readFileSync(path.join(dir, 'out/a/b/two'), 'utf8')).toBe('22');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('runs many batches concurrently over its threads', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => pool.write([file(`f${i}`, `content ${i}`)])));
    expect(readdirSync(path.join(dir, 'out/a/b'))).toHaveLength(40);
  });

  it('reports a failure and removes the temporary files of the batch', async () => {
    const existing = file('exists', 'x');
    await pool.write([existing]);
    // 'wx': a temporary name that is taken fails the batch.
    const clash = { ...file('clash', 'y'), temporary: existing.target };
    await expect(pool.write([file('first', 'z'), clash])).rejects.toThrow(DurableWriteError);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('finishes what is under way when closed, then refuses new writes', async () => {
    const underway = pool.write([file('last', 'bytes')]);
    await pool.close();
    await underway;
    expect(readFileSync(path.join(dir, 'out/a/b/last'), 'utf8')).toBe('bytes');
    await expect(pool.write([file('late', 'x')])).rejects.toThrow(/closed/);
  });
});
