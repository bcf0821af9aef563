import { describe, expect, it } from 'vitest';
import { cursorParam, decodeCursor, encodeCursor, pageOf } from './cursor.js';

describe('cursor', () => {
  it('round-trips a position with microseconds', () => {
    const position = { at: '2026-11-23T10:15:00.123456Z', id: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64url', 'a+b/c'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['wrong shape', Buffer.from(JSON.stringify({ at: 'x' })).toString('base64url')],
    ['SQL in the timestamp', Buffer.from(JSON.stringify(["2026-01-01'; DROP TABLE messages; --", 'x'])).toString('base64url')],
    ['too long', 'A'.repeat(600)],
  ])('rejects %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
    expect(cursorParam.safeParse(cursor).success).toBe(false);
  });

  it('pages: a next cursor only when more rows than the limit came back', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: `2026-01-0${n}T00:00:00.000000Z`, id: String(n) }));
    const page = pageOf(rows, 2, (r) => r.n, (r) => ({ at: r.at, id: r.id }));
    expect(page.data).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!)).toEqual({ at: rows[1]!.at, id: '2' });
    expect(pageOf(rows, 3, (r) => r.n, (r) => ({ at: r.at, id: r.id })).nextCursor).toBeNull();
  });
});
