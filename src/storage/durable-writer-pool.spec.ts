import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('creates a new file in place: its temporary is never made', async () => {
    // A temporary in a directory that does not exist could not be opened: the write did without it.
    await pool.write([{ ...file('fresh', 'bytes'), temporary: path.join(dir, 'missing', 'fresh.part') }]);
    expect(readFileSync(path.join(dir, 'out/a/b/fresh'), 'utf8')).toBe('bytes');
  });

  it('replaces a file already at the target (a piece a crash left) whole, through its temporary', async () => {
    const target = path.join(dir, 'out', 'a', 'b', 'piece');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, 'half');
    await pool.write([file('piece', 'the whole content')]);
    expect(readFileSync(target, 'utf8')).toBe('the whole content');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('reports a failure and removes the temporary files and the files it created in place', async () => {
    const existing = file('exists', 'x');
    const other = file('other', 'o');
    await pool.write([existing, other]);
    // Both targets exist, so both go through temporaries; 'wx': a temporary name that is taken fails the batch.
    const clash = { ...file('exists', 'y'), temporary: other.target };
    const createdInPlace = file('new', 'n');
    await expect(pool.write([createdInPlace, file('other', 'z'), clash])).rejects.toThrow(DurableWriteError);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(createdInPlace.target)).toBe(false);
    expect(readFileSync(existing.target, 'utf8')).toBe('x');
    expect(readFileSync(other.target, 'utf8')).toBe('o');
  });

  it('finishes what is under way when closed, then refuses new writes', async () => {
    const underway = pool.write([file('last', 'bytes')]);
    await pool.close();
    await underway;
    expect(readFileSync(path.join(dir, 'out/a/b/last'), 'utf8')).toBe('bytes');
    await expect(pool.write([file('late', 'x')])).rejects.toThrow(/closed/);
  });
});
