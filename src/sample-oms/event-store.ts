import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** One received webhook, as stored (one JSON object per line). */
export interface StoredEvent {
  webhookId: string;
  /** The `webhook-timestamp` of the accepted attempt, in Unix seconds. */
  webhookTimestamp: number;
  receivedAt: string;
  type: string;
  timestamp: string;
  data: unknown;
}

export class EventStoreFullError extends Error {
  override name = 'EventStoreFullError';
}

const DAY_FILE = /^events-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const MAX_LINE_CHARS = 80 * 1024 * 1024;

interface PendingWrite {
  event: StoredEvent;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Durable, append-only store: one JSON-lines file per UTC day, each write fsync'd before the
 * webhook is acknowledged. Concurrent appends share one write and one fsync (group commit).
 * The ids of all stored events are loaded at start, so deduplication survives restarts.
 */
export class JsonLinesEventStore {
  private readonly index = new Map<string, number>();
  private readonly recent: StoredEvent[] = [];
  /** Appends not yet on disk, so a concurrent duplicate can wait for the outcome. */
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private file: { day: string; handle: FileHandle } | null = null;

  constructor(
    private readonly dir: string,
    private readonly limits: { maxEvents: number; recentEvents: number },
  ) {}

  /** Creates the folder and reads back what earlier runs stored. */
  async open(): Promise<{ loaded: number; skippedLines: number }> {
    await mkdir(this.dir, { recursive: true });
    const files = (await readdir(this.dir)).filter((name) => DAY_FILE.test(name)).sort();
    let loaded = 0;
    let skippedLines = 0;
    for (const name of files) {
      const lines = createInterface({ input: createReadStream(path.join(this.dir, name), 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        const event = line.length <= MAX_LINE_CHARS ? parseStoredLine(line) : undefined;
        // A torn last line (crash mid-write) was never acknowledged: skip it, the sender retries.
        if (!event) {
          skippedLines++;
          continue;
        }
        this.remember(event);
        loaded++;
      }
    }
    return { loaded, skippedLines };
  }

  /** The `webhook-timestamp` under which this id was stored, if it was. */
  timestampOf(webhookId: string): number | undefined {
    return this.index.get(webhookId);
  }

  get size(): number {
    return this.index.size;
  }

  /** Most recent first. */
  /** The newest events first, of one type or of any of several. */
  list(filter: { type?: string | readonly string[]; limit: number }): StoredEvent[] {
    const out: StoredEvent[] = [];
    const types = filter.type === undefined ? undefined : typeof filter.type === 'string' ? [filter.type] : filter.type;
    for (let i = this.recent.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const event = this.recent[i]!;
      if (types === undefined || types.includes(event.type)) out.push(event);
    }
    return out;
  }

  find(webhookId: string): StoredEvent | undefined {
    return this.recent.find((event) => event.webhookId === webhookId);
  }

  /**
   * Stores an event and resolves once it is on disk. The caller makes sure the id is new; two
   * concurrent calls with one id are the caller's bug and are refused here.
   */
  append(event: StoredEvent): Promise<void> {
    if (this.index.has(event.webhookId)) return Promise.reject(new Error(`event ${event.webhookId} already stored`));
    if (this.index.size >= this.limits.maxEvents) {
      return Promise.reject(new EventStoreFullError(`the store holds its maximum of ${this.limits.maxEvents} events`));
    }
    // Claimed at once so a concurrent duplicate sees it; released again if the write fails.
    this.index.set(event.webhookId, event.webhookTimestamp);
    const written = new Promise<void>((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      this.startFlush();
    });
    const settled = written.then(
      () => true,
      () => false,
    );
    this.inFlight.set(event.webhookId, settled);
    void settled.then(() => this.inFlight.delete(event.webhookId));
    return written;
  }

  /** True once the event with this id is on disk; false if it is not (or its write failed). */
  async isDurable(webhookId: string): Promise<boolean> {
    const inFlight = this.inFlight.get(webhookId);
    if (inFlight) return inFlight;
    return this.index.has(webhookId);
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.file?.handle.close();
    this.file = null;
  }

  private startFlush(): void {
    if (this.flushing) return;
    this.flushing = this.flushAll().finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.startFlush();
    });
  }

  private async flushAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const byDay = new Map<string, PendingWrite[]>();
      for (const write of batch) {
        const day = write.event.receivedAt.slice(0, 10);
        byDay.set(day, [...(byDay.get(day) ?? []), write]);
      }
      for (const [day, writes] of byDay) {
        try {
          const handle = await this.handleFor(day);
          await handle.write(writes.map((write) => JSON.stringify(write.event) + '\n').join(''));
          await handle.sync();
          for (const write of writes) {
            this.remember(write.event, false);
            write.resolve();
          }
        } catch (error) {
          for (const write of writes) {
            this.index.delete(write.event.webhookId);
            write.reject(error as Error);
          }
          // Reopen next time: the handle may be unusable after an I/O error.
          await this.file?.handle.close().catch(() => undefined);
          this.file = null;
        }
      }
    }
  }

  private async handleFor(day: string): Promise<FileHandle> {
    if (this.file?.day === day) return this.file.handle;
    await this.file?.handle.close();
    this.file = null;
    const handle = await open(path.join(this.dir, `events-${day}.jsonl`), 'a+');
    const { size } = await handle.stat();
    if (size === 0) {
      await syncDirectory(this.dir);
    } else {
      // Start on a fresh line if an earlier run crashed mid-line.
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    this.file = { day, handle };
    return handle;
  }

  private remember(event: StoredEvent, index = true): void {
    if (index) this.index.set(event.webhookId, event.webhookTimestamp);
    this.recent.push(event);
    if (this.recent.length > this.limits.recentEvents) this.recent.splice(0, this.recent.length - this.limits.recentEvents);
  }
}

/** Makes a newly created file's directory entry durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseStoredLine(line: string): StoredEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const event = value as Partial<StoredEvent> | null;
  if (
    !event ||
    typeof event.webhookId !== 'string' ||
    typeof event.webhookTimestamp !== 'number' ||
    typeof event.receivedAt !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.timestamp !== 'string'
  ) {
    return undefined;
  }
  return event as StoredEvent;
}
