import { createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessageToStore, PersistOutcome } from '../../src/as4/receive/ports.js';
import { inMemoryBytes, memoryContent } from '../../src/as4/io/content.js';
import { Clock } from '../../src/common/clock.js';
import { Database, type SqlExecutor } from '../../src/database/database.js';
import { Installation } from '../../src/database/installation.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { TransactionRegistry } from '../../src/peppol/index.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import type { EnqueueOptions } from '../../src/queue/job-queue.js';
import { jobIdFor, QUEUES, type JobPayloads, type QueueName } from '../../src/queue/queues.js';
import { BlobInboundMessageStore } from '../../src/receive-ports/blob-inbound-message-store.js';
import { GroupCommitMetrics } from '../../src/receive-ports/group-commit-metrics.js';
import { QueueInboundJobEnqueuer } from '../../src/receive-ports/queue-inbound-job-enqueuer.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { reportingConfig } from '../../src/reporting/reporting.config.js';
import { TransmissionRecorder } from '../../src/reporting/transmission-recorder.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { type BlobStore, BlobStoreError } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store.js';
import { createPostgresTestDatabase, databaseEngines, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { BUYER, ORDER_DOC, ORDERING, SELLER } from './support/scenario.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The real database, counting what reaches it: transactions, and statements outside one. */
class CountingDatabase extends Database {
  transactions = 0;
  statements = 0;
  constructor(private readonly inner: Database) {
    super();
  }
  get engine() {
    return this.inner.engine;
  }
  query<R extends object>(sql: string, params?: unknown[]): Promise<R[]> {
    this.statements++;
    return this.inner.query<R>(sql, params);
  }
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.transactions++;
    return this.inner.transaction(work);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * The real database, holding each transaction after its first statement until every other one
 * running has done its first too (or 300 ms have passed: one may be waiting on a lock the held one
 * has), so that concurrent transactions interleave as badly as they can.
 */
class InterleavingDatabase extends CountingDatabase {
  private readonly arrived: Array<() => void> = [];
  constructor(
    inner: Database,
    private readonly parties: number,
  ) {
    super(inner);
  }
  override transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return super.transaction((tx) => {
      let first = true;
      return work({
        query: async <R extends object>(sql: string, params?: unknown[]) => {
          const rows = await tx.query<R>(sql, params);
          if (first) {
            first = false;
            await this.barrier();
          }
          return rows;
        },
      } as SqlExecutor);
    });
  }
  private barrier(): Promise<void> {
    return new Promise((resolve) => {
      this.arrived.push(resolve);
      if (this.arrived.length >= this.parties) for (const release of this.arrived.splice(0)) release();
      else setTimeout(resolve, 300);
    });
  }
}

/** The real file store, counting its durable batches (one fsync round each). */
class CountingBlobStore extends FilesystemBlobStore {
  batches = 0;
  /** Set: every write fails as a full disk would. */
  full = false;
  override putAll(contents: ReadonlyArray<Buffer | string>) {
    this.batches++;
    if (this.full) return Promise.reject(new BlobStoreError('cannot store bytes: ENOSPC'));
    return super.putAll(contents);
  }
}

/** The real BullMQ queue, counting round trips: single adds and bulk adds. */
class CountingQueue extends BullJobQueue {
  adds = 0;
  bulks: number[] = [];
  override enqueue<Q extends QueueName>(name: Q, payload: JobPayloads[Q], options: EnqueueOptions) {
    this.adds++;
    return super.enqueue(name, payload, options);
  }
  /** Set: the next bulk add fails, as when Redis goes away. */
  failNextBulk = false;
  override enqueueMany<Q extends QueueName>(name: Q, jobs: ReadonlyArray<{ payload: JobPayloads[Q]; options: EnqueueOptions }>) {
    this.bulks.push(jobs.length);
    if (this.failNextBulk) {
      this.failNextBulk = false;
      return Promise.reject(new Error('Connection is closed.'));
    }
    return super.enqueueMany(name, jobs);
  }
}

let certificate: X509Certificate;

function message(opts: { messageId?: string; sbdDigest?: string; keepReceiptUntil?: Date } = {}): InboundMessageToStore {
  const messageId = opts.messageId ?? `${randomUUID()}@test.example`;
  const sbd = Buffer.from(`<StandardBusinessDocument id="${randomUUID()}"/>`);
  const receivedAt = new Date();
  return {
    key: { messageId, senderPartyId: 'PDK000002' },
    receivedAt,
    contentType: 'multipart/related; type="application/soap+xml"; boundary=b',
    raw: memoryContent(Buffer.from(`raw ${randomUUID()}`)),
    sbd: memoryContent(sbd),
    sbdSha256: opts.sbdDigest ?? createHash('sha256').update(sbd).digest('hex'),
    header: {
      messageId,
      timestamp: receivedAt.toISOString(),
      conversationId: randomUUID(),
      fromPartyId: 'PDK000002',
      toPartyId: 'PDK000001',
      agreementRef: 'urn:fdc:peppol.eu:2017:agreements:tia:ap_provider',
      service: ORDERING,
      action: ORDER_DOC,
      originalSender: { scheme: 'iso6523-actorid-upis', value: BUYER },
      finalRecipient: { scheme: 'iso6523-actorid-upis', value: SELLER },
      parts: [],
    },
    sbdh: {
      sender: { scheme: 'iso6523-actorid-upis', value: BUYER },
      receiver: { scheme: 'iso6523-actorid-upis', value: SELLER },
      documentType: ORDER_DOC,
      process: ORDERING,
      countryC1: 'DK',
      instanceIdentifier: randomUUID(),
      standard: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
      typeVersion: '2.1',
      type: 'Order',
      creationDateAndTime: receivedAt.toISOString(),
      businessRoot: { namespaceURI: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2', localName: 'Order' },
    },
    receipt: Buffer.from(`<Receipt ref="${messageId}" n="${randomUUID()}"/>`),
    keepReceiptUntil: opts.keepReceiptUntil ?? new Date(receivedAt.getTime() + 3_600_000),
    senderCertificate: certificate,
  };
}

function storeOver(t: TestDatabase, blobs: BlobStore, windowMs: number, maxBatch = 64, db = new CountingDatabase(t.db)) {
  const metrics = new MetricsService();
  const store = new BlobInboundMessageStore(
    blobs,
    db,
    new MessageRepository(db, new Clock()),
    new TransactionRegistry(),
    new TransmissionRecorder(new TransmissionRepository(db), reportingConfig.load({}), undefined),
    { groupCommit: { windowMs, maxBatch } },
    new GroupCommitMetrics(metrics),
  );
  return { db, store, metrics };
}

async function records(db: Database, messageId: string) {
  return db.query<{ id: string; state: string }>(`SELECT id, state FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`, [messageId]);
}

beforeAll(async () => {
  await devPkiEnv();
  certificate = new X509Certificate((await readDevPki(TEST_PKI_DIR))!.partnerAp.certPem);
});

describe.each(databaseEngines)('group commit of received messages ($name)', ({ name, create }) => {
  let t: TestDatabase;
  let dataDir: string;
  let blobs: CountingBlobStore;

  beforeAll(async () => {
    t = await create();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ap-group-commit-'));
    blobs = new CountingBlobStore(dataDir);
    await blobs.init();
  });

  afterAll(async () => {
    await blobs?.close();
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('20 concurrent messages: one fsync round, one transaction, each answered with its own stored record', async () => {
    const { db, store, metrics } = storeOver(t, blobs, 200);
    const batchesBefore = blobs.batches;
    const sent = Array.from({ length: 20 }, () => message());
    const outcomes = await Promise.all(sent.map((m) => store.persist(m)));
    expect(blobs.batches - batchesBefore).toBe(1);
    expect(db.transactions).toBe(1);
    expect(db.statements).toBe(0);
    for (const [i, m] of sent.entries()) {
      const outcome = outcomes[i]!;
      expect(outcome.status).toBe('stored');
      const [row] = await records(t.db, m.key.messageId);
      expect(row).toEqual({ id: (outcome as { id: string }).id, state: 'received' });
      const [kept] = await t.db.query<{ receipt: Uint8Array }>(`SELECT receipt FROM as4_receipts WHERE message_id = $1`, [m.key.messageId]);
      expect(Buffer.from(kept!.receipt).equals(m.receipt)).toBe(true);
      const docs = await t.db.query<{ role: string }>(`SELECT role FROM message_documents WHERE message_id = $1 ORDER BY role`, [row!.id]);
      expect(docs.map((d) => d.role)).toEqual(['receipt', 'received-raw', 'sbd']);
      expect((await blobs.read(createHash('sha256').update(m.receipt).digest('hex'))).equals(m.receipt)).toBe(true);
      expect(await new TransmissionRepository(t.db).ofMessage(row!.id)).toMatchObject({ direction: 'receiving' });
    }
    expect(await metrics.registry.getSingleMetricAsString('peppol_ap_receive_group_commit_batch_size')).toMatch(/_sum\{stage="store"\} 20\n/);
  });

  it('the same MessageId twice in one batch: one record, the second answered as a duplicate with the first receipt', async () => {
    const { db, store } = storeOver(t, blobs, 200);
    const first = message();
    const again = message({ messageId: first.key.messageId });
    const other = message();
    const [a, b, c] = await Promise.all([store.persist(first), store.persist(again), store.persist(other)]);
    expect(a).toEqual({ status: 'stored', id: expect.any(String) });
    const stored = a as Extract<PersistOutcome, { status: 'stored' }>;
    expect(b).toMatchObject({ status: 'duplicate', storedMessageId: stored.id, awaitingProcessing: true });
    expect((b as Extract<PersistOutcome, { status: 'duplicate' }>).receipt.equals(first.receipt)).toBe(true);
    expect(c).toMatchObject({ status: 'stored' });
    expect(await records(t.db, first.key.messageId)).toHaveLength(1);
    // The batch, then the duplicate's own look-up of the earlier record.
    expect(db.transactions).toBe(2);
  });

  it('one bad message fails alone: refused before the commit, or failing in the database (the batch is then stored message by message)', async () => {
    const { db, store } = storeOver(t, blobs, 200);
    const good = [message(), message()];
    const wrongDigest = message({ sbdDigest: '0'.repeat(64) });
    const results = await Promise.allSettled([store.persist(good[0]!), store.persist(wrongDigest), store.persist(good[1]!)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await records(t.db, wrongDigest.key.messageId)).toEqual([]);
    expect(db.transactions).toBe(1);

    // A keep-until date the database refuses: the whole transaction rolls back, each message is tried alone.
    const more = [message(), message()];
    const refused = message({ keepReceiptUntil: new Date(8.64e15) });
    const settled = await Promise.allSettled([store.persist(more[0]!), store.persist(refused), store.persist(more[1]!)]);
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const m of more) expect(await records(t.db, m.key.messageId)).toHaveLength(1);
    // Nothing half-stored: no record, no receipt of the refused one.
    expect(await records(t.db, refused.key.messageId)).toEqual([]);
    expect(await t.db.query(`SELECT 1 FROM as4_receipts WHERE message_id = $1`, [refused.key.messageId])).toEqual([]);
    expect(db.transactions).toBe(2);
    expect(db.statements).toBe(3);
  });

  it('the disk refusing the batch fails every message of it at once, without trying each alone', async () => {
    const { db, store } = storeOver(t, blobs, 200);
    const batchesBefore = blobs.batches;
    const sent = [message(), message(), message()];
    blobs.full = true;
    try {
      const results = await Promise.allSettled(sent.map((m) => store.persist(m)));
      expect(results.every((r) => r.status === 'rejected' && r.reason instanceof BlobStoreError)).toBe(true);
    } finally {
      blobs.full = false;
    }
    expect(blobs.batches - batchesBefore).toBe(1);
    expect(db.transactions + db.statements).toBe(0);
    for (const m of sent) expect(await records(t.db, m.key.messageId)).toEqual([]);
  });

  // The embedded engine runs one transaction at a time: only PostgreSQL can interleave two.
  it.skipIf(name !== 'postgres')('two windows, each holding the other\'s MessageIds in the opposite order (re-signed retries): both commit whole, no deadlock', async () => {
    const db = new InterleavingDatabase(t.db, 2);
    const { store } = storeOver(t, blobs, 200, 2, db);
    const [m1, m2] = [message(), message()];
    // A retry re-signed by its sender: the same MessageId in other bytes.
    const resigned = (m: InboundMessageToStore): InboundMessageToStore => ({
      ...m,
      raw: memoryContent(Buffer.from(`raw ${randomUUID()}`)),
      receipt: Buffer.from(`<Receipt again="${randomUUID()}"/>`),
    });
    // maxBatch 2: [m1, m2] is one window, [m2 again, m1 again] another; their transactions are held
    // after their first statement, so each has taken one key when it goes for the next.
    const outcomes = await Promise.all([store.persist(m1), store.persist(m2), store.persist(resigned(m2)), store.persist(resigned(m1))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'stored', 'stored']);
    for (const m of [m1, m2]) expect(await records(t.db, m.key.messageId)).toHaveLength(1);
    // A deadlock would have failed one window's transaction and sent its messages one by one.
    expect(db.statements).toBe(0);
  });

  it('window 0: each message alone, one statement each, as before group commit', async () => {
    const { db, store } = storeOver(t, blobs, 0);
    const batchesBefore = blobs.batches;
    const sent = [message(), message(), message()];
    const outcomes = await Promise.all(sent.map((m) => store.persist(m)));
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'stored']);
    expect(blobs.batches - batchesBefore).toBe(3);
    expect(db.transactions).toBe(0);
    expect(db.statements).toBe(3);
  });
});

describe('group commit of received messages with the blobs in PostgreSQL (STORAGE_BACKEND=postgres)', () => {
  let t: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ap-group-commit-pg-'));
  });

  afterAll(async () => {
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('two windows at once, each holding a message and the retry of the other\'s (same bytes): each stored once, the retries duplicates', async () => {
    const blobs = new PostgresBlobStore(t.db, dataDir, 4096);
    await blobs.init();
    const { db, store } = storeOver(t, blobs, 200, 2);
    const [m1, m2] = [message(), message()];
    const retry = (m: InboundMessageToStore): InboundMessageToStore => ({ ...m, receipt: Buffer.from(`<Receipt again="${randomUUID()}"/>`) });
    // maxBatch 2: the first two submits are one window, the next two another, running at the same time.
    const outcomes = await Promise.all([store.persist(m1), store.persist(m2), store.persist(retry(m2)), store.persist(retry(m1))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'stored', 'stored']);
    for (const m of [m1, m2]) {
      const [row] = await records(t.db, m.key.messageId);
      const mine = outcomes.filter((o) => (o.status === 'stored' ? o.id : o.storedMessageId) === row!.id);
      expect(mine).toHaveLength(2);
      expect((await blobs.read(createHash('sha256').update(inMemoryBytes(m.raw)!).digest('hex'))).equals(inMemoryBytes(m.raw)!)).toBe(true);
    }
    expect(db.transactions).toBeGreaterThanOrEqual(2);
    // Neither window's transaction failed: a deadlock between them (keys taken in opposite orders)
    // would have sent that window's messages one by one, each a statement of its own.
    expect(db.statements).toBe(0);
  });
});

describe('group commit of the inbound jobs (Redis)', () => {
  let t: TestDatabase;
  let redis: RedisConnections;
  let queue: CountingQueue;
  const prefix = `t-group-commit-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    redis = new RedisConnections(redisConfig.load({ REDIS_URL, QUEUE_PREFIX: prefix }));
    queue = new CountingQueue(redis, new Installation(t.db));
  });

  afterAll(async () => {
    await queue?.queue(QUEUES.inbound).obliterate({ force: true });
    await queue?.onApplicationShutdown();
    await redis?.onApplicationShutdown();
    await t?.drop();
  });

  it('20 concurrent jobs: one bulk add, every job under its deterministic id; a job id queued already stays one job', async () => {
    const enqueuer = new QueueInboundJobEnqueuer(queue, { groupCommit: { windowMs: 200, maxBatch: 64 } });
    const ids = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(ids.map((id) => enqueuer.enqueue({ storedMessageId: id })));
    expect(queue.bulks).toEqual([20]);
    expect(queue.adds).toBe(0);
    const bull = queue.queue(QUEUES.inbound);
    for (const id of ids) expect((await bull.getJob(jobIdFor(QUEUES.inbound, id)))?.data).toEqual({ messageId: id, installation: expect.any(String) });
    // A retry of a stored message (a duplicate awaiting processing) in a later batch, and twice in one batch.
    await Promise.all([enqueuer.enqueue({ storedMessageId: ids[0]! }), enqueuer.enqueue({ storedMessageId: ids[0]! }), enqueuer.enqueue({ storedMessageId: ids[1]! })]);
    expect(queue.bulks).toEqual([20, 3]);
    expect(await bull.count()).toBe(20);

    // The queue failing the bulk add fails each request of it (no receipt; the sender retries), with no add one by one.
    queue.failNextBulk = true;
    const failed = await Promise.allSettled([enqueuer.enqueue({ storedMessageId: randomUUID() }), enqueuer.enqueue({ storedMessageId: randomUUID() })]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(queue.bulks).toEqual([20, 3, 2]);
    expect(queue.adds).toBe(0);
  });
});
