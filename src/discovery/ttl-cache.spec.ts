import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('expires entries and drops the oldest beyond the bound', () => {
    const cache = new TtlCache<number>(2);
    cache.set('a', 1, 100, 0);
    cache.set('b', 2, 200, 0);
    expect(cache.get('a', 99)).toBe(1);
    expect(cache.get('a', 100)).toBeUndefined();
    cache.set('c', 3, 300, 0);
    cache.set('d', 4, 300, 0);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('ignores already expired entries and deletes by prefix', () => {
    const cache = new TtlCache<string>(10);
    cache.set('x', 'late', 5, 10);
    expect(cache.size).toBe(0);
    cache.set('p|1', 'a', 50, 0);
    cache.set('p|2', 'b', 50, 0);
    cache.set('q|1', 'c', 50, 0);
    expect(cache.deletePrefix('p|')).toBe(2);
    expect(cache.get('q|1', 0)).toBe('c');
  });
});
