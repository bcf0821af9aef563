import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupCommitWindow, type GroupCommitHandlers, type ItemOutcome } from './group-commit-window.js';

/** Records what the window hands over; `failBatch` makes whole batches throw, `bad` items fail alone. */
function recorder(opts: { failBatch?: boolean; bad?: (n: number) => boolean } = {}) {
  const batches: number[][] = [];
  const singles: number[] = [];
  const handlers: GroupCommitHandlers<number, string> = {
    async batch(items) {
      batches.push([...items]);
      if (opts.failBatch) throw new Error('batch failed');
      return items.map((n): ItemOutcome<string> => (opts.bad?.(n) ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: `b${n}` }));
    },
    async single(n) {
      singles.push(n);
      if (opts.bad?.(n)) throw new Error(`bad ${n}`);
      return `s${n}`;
    },
  };
  return { batches, singles, handlers };
}

describe('GroupCommitWindow', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('closes the window after windowMs: everything submitted meanwhile is one batch, each caller gets its own result', async () => {
    vi.useFakeTimers();
    const r = recorder();
    const sizes: number[] = [];
    const w = new GroupCommitWindow(r.handlers, { windowMs: 5, maxBatch: 100, onBatch: (n) => sizes.push(n) });
    const a = w.submit(1);
    const b = w.submit(2);
    await vi.advanceTimersByTimeAsync(4);
    const c = w.submit(3);
    expect(r.batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await Promise.all([a, b, c])).toEqual(['b1', 'b2', 'b3']);
    expect(r.batches).toEqual([[1, 2, 3]]);
    expect(sizes).toEqual([3]);
    // The next item opens a new window.
    const d = w.submit(4);
    const e = w.submit(5);
    await vi.advanceTimersByTimeAsync(5);
    expect(await Promise.all([d, e])).toEqual(['b4', 'b5']);
    expect(r.batches).toEqual([[1, 2, 3], [4, 5]]);
    expect(r.singles).toEqual([]);
  });

  it('closes the window at once when it holds maxBatch items', async () => {
    vi.useFakeTimers();
    const r = recorder();
    const sizes: number[] = [];
    const w = new GroupCommitWindow(r.handlers, { windowMs: 1_000, maxBatch: 3, onBatch: (n) => sizes.push(n) });
    const first = [w.submit(1), w.submit(2), w.submit(3)];
    const late = w.submit(4);
    // No time passes: the full window was handed over, the fourth item waits in a window of its own.
    expect(await Promise.all(first)).toEqual(['b1', 'b2', 'b3']);
    expect(r.batches).toEqual([[1, 2, 3]]);
    await vi.advanceTimersByTimeAsync(1_000);
    // A window of one is handled alone.
    expect(await late).toEqual('s4');
    expect(r.singles).toEqual([4]);
    expect(sizes).toEqual([3, 1]);
  });

  it('an item the batch refuses fails alone; the others get their results', async () => {
    const r = recorder({ bad: (n) => n === 2 });
    const w = new GroupCommitWindow(r.handlers, { windowMs: 2, maxBatch: 10 });
    const results = await Promise.allSettled([w.submit(1), w.submit(2), w.submit(3)]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'b1' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'bad 2' } });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 'b3' });
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('a batch failing as a whole is handled again item by item: one bad item does not fail the others', async () => {
    const r = recorder({ failBatch: true, bad: (n) => n === 2 });
    const w = new GroupCommitWindow(r.handlers, { windowMs: 2, maxBatch: 10 });
    const results = await Promise.allSettled([w.submit(1), w.submit(2), w.submit(3)]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 's1' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'bad 2' } });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 's3' });
    expect(r.batches).toEqual([[1, 2, 3]]);
    expect([...r.singles].sort()).toEqual([1, 2, 3]);
  });

  it('a batch failing for a reason no item causes fails every caller with that error, without trying each alone', async () => {
    const r = recorder({ failBatch: true });
    const seen: unknown[] = [];
    const w = new GroupCommitWindow({ ...r.handlers, retryAlone: (error) => (seen.push(error), false) }, { windowMs: 2, maxBatch: 10 });
    const results = await Promise.allSettled([w.submit(1), w.submit(2)]);
    expect(results).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ message: 'batch failed' }) },
      { status: 'rejected', reason: expect.objectContaining({ message: 'batch failed' }) },
    ]);
    expect(seen).toHaveLength(1);
    expect(r.singles).toEqual([]);
  });

  it('a batch answering the wrong number of outcomes is handled item by item', async () => {
    const singles: number[] = [];
    const w = new GroupCommitWindow<number, string>(
      { batch: async () => [{ status: 'fulfilled', value: 'only one' }], single: async (n) => (singles.push(n), `s${n}`) },
      { windowMs: 2, maxBatch: 10 },
    );
    expect(await Promise.all([w.submit(1), w.submit(2)])).toEqual(['s1', 's2']);
    expect(singles.sort()).toEqual([1, 2]);
  });

  it('off (windowMs 0, or maxBatch 1) passes every item straight through, without waiting', async () => {
    for (const options of [
      { windowMs: 0, maxBatch: 100 },
      { windowMs: 50, maxBatch: 1 },
    ]) {
      vi.useFakeTimers();
      const r = recorder({ bad: (n) => n === 2 });
      const sizes: number[] = [];
      const w = new GroupCommitWindow(r.handlers, { ...options, onBatch: (n) => sizes.push(n) });
      expect(w.enabled).toBe(false);
      // Resolves with no timer advanced: nothing waits for a window.
      const results = await Promise.allSettled([w.submit(1), w.submit(2), w.submit(3)]);
      expect(results.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(r.singles).toEqual([1, 2, 3]);
      expect(r.batches).toEqual([]);
      expect(sizes).toEqual([]);
      vi.useRealTimers();
    }
  });

  it('refuses a maxBatch below 1', () => {
    expect(() => new GroupCommitWindow(recorder().handlers, { windowMs: 2, maxBatch: 0 })).toThrow(RangeError);
  });
});
