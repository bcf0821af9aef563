/** Pure formatting for the console's pages (no DOM), tested in format.spec.ts. */
import type { Delivery } from './api.js';

/** "3 min", "2 h 5 min", "4 d 3 h": how long ago (or how long until, for a negative span). */
export function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return `${Math.floor(Math.abs(ms) / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function ageOf(iso: string, now = Date.now()): string {
  return span(now - Date.parse(iso));
}

/** A timestamp in the reader's time zone, to the second: 2026-11-23 10:15:02. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function bytes(size: number | null | undefined): string {
  if (size == null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** An amount with its currency, as the server wrote it (decimal text is never re-computed here). */
export function money(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return '—';
  return currency ? `${amount} ${currency}` : amount;
}

// Short locations and rule groups are shared with the CLI (src/validation/report-groups.ts).
export { groupRules, shortLocation, type RuleGroup } from '../../src/validation/report-groups.js';

export interface RouteOutcomes {
  delivered: number;
  failed: number;
  pending: number;
  /** Finished deliveries that failed since the last one delivered (newest first). */
  failingInARow: number;
  lastError: string | null;
  lastDeliveredAt: string | null;
}

/** What a route's recent deliveries (newest first) say about its endpoint. */
export function routeOutcomes(recent: readonly Delivery[]): RouteOutcomes {
  const finished = recent.filter((d) => d.state === 'delivered' || d.state === 'failed');
  const firstDelivered = finished.findIndex((d) => d.state === 'delivered');
  return {
    delivered: recent.filter((d) => d.state === 'delivered').length,
    failed: recent.filter((d) => d.state === 'failed').length,
    pending: recent.filter((d) => d.state === 'pending' || d.state === 'sending').length,
    failingInARow: firstDelivered < 0 ? finished.length : firstDelivered,
    lastError: recent.find((d) => d.lastError)?.lastError ?? null,
    lastDeliveredAt: recent.find((d) => d.deliveredAt)?.deliveredAt ?? null,
  };
}

/** Up to 8 characters of an id, enough to tell messages apart in a list. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

