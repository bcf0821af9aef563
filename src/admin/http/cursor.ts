import { z } from 'zod';

/** Position after the last item of a page, ordered by (created_at DESC, id DESC). */
export interface CursorPosition {
  /** created_at with microseconds, as PostgreSQL prints it in UTC. */
  at: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const MAX_CURSOR_CHARS = 512;

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | undefined {
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || !TIMESTAMP.test(at) || typeof id !== 'string' || id.length === 0 || id.length > 128) return undefined;
    return { at, id };
  } catch {
    return undefined;
  }
}

/** A zod field for `cursor` query parameters: rejects anything that is not one of ours. */
export const cursorParam = z
  .string()
  .max(MAX_CURSOR_CHARS)
  .transform((value, ctx) => {
    const position = decodeCursor(value);
    if (!position) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return position;
  })
  .meta({ description: 'Opaque cursor from the previous page\'s `nextCursor`.' });

/** SQL that renders created_at for a cursor without losing microseconds. */
export const CURSOR_AT_SQL = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Page size parameter bounded by configuration. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows. */
export function pageOf<R, T>(rows: R[], limit: number, view: (row: R) => T, position: (row: R) => CursorPosition): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { data: items.map(view), nextCursor: more ? encodeCursor(position(items[items.length - 1]!)) : null };
}
