import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { buildFromPartner, sbdAround, sendFromPartner, verifyAsSender } from '../support/as4-client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';

// The sample cart's parties: the seller sends the cart to the buyer we serve.
const BUYER = '0192:123456785';
const SELLER = '0192:987654325';

describe('AS4 receive over HTTP (API process, PostgreSQL, Redis, file store)', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let pki: DevPki;
  let url: string;
  let dataDir: string;
  const prefix = `t-as4-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ap-as4-e2e-'));
    const env = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    // The punch-out cart travels seller → buyer: we serve the buyer.
    api = await startProcess('main.js', { ...env, DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: '0', QUEUE_PREFIX: prefix, SERVED_PARTICIPANTS: BUYER });
    url = `http://127.0.0.1:${api.port}/as4`;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cart = (lines = 3) => sbdAround(Buffer.from(buildCartXml(sampleCart(lines)), 'utf8'), { sender: SELLER, receiver: BUYER });

  it('stores the message byte-exact, enqueues it, and answers a signed receipt with our references', async () => {
    const sent = await sendFromPartner(url, pki, cart(), { sender: SELLER, receiver: BUYER });
    expect(sent.status).toBe(200);
    const outcome = await verifyAsSender(sent);
    expect(outcome.kind).toBe('receipt');

    const [row] = await db.db.query<{ id: string; state: string; kind: string; raw_sha256: string; sender_id: string; receiver_id: string }>(
      `SELECT id, state, kind, raw_sha256, sender_id, receiver_id FROM messages WHERE as4_message_id = $1`,
      [sent.built.messageId],
    );
    expect(row).toMatchObject({ state: 'received', kind: 'cart', sender_id: SELLER, receiver_id: BUYER });
    const blobs = new FilesystemBlobStore(dataDir);
    expect((await blobs.read(row!.raw_sha256)).equals(sent.body)).toBe(true);
    const docs = await db.db.query<{ role: string }>(`SELECT role FROM message_documents WHERE message_id = $1 ORDER BY role`, [row!.id]);
    expect(docs.map((d) => d.role)).toEqual(['receipt', 'received-raw', 'sbd']);
    // Counted for Peppol Reporting (we are C3) in the commit that stored it with its receipt.
    expect(await new TransmissionRepository(db.db).ofMessage(row!.id)).toMatchObject({
      direction: 'receiving',
      c2SeatId: 'PDK000002',
      c3SeatId: 'PDK000001',
      documentType: { scheme: 'busdox-docid-qns', value: TRANSACTIONS.punchOut.documentTypeId },
      transportProfile: 'peppol-transport-as4-v2_0',
      endUserId: BUYER,
      countsEndUser: true,
    });

    const queue = new Queue('inbound', { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    try {
      const job = await queue.getJob(`inbound.run.${row!.id}`);
      // Ids only, stamped with the installation that queued it.
      expect(job?.data).toEqual({ messageId: row!.id, installation: expect.any(String) });
    } finally {
      await queue.close();
    }
  });

  it('answers a retried MessageId with the same receipt and stores nothing twice', async () => {
    const first = await sendFromPartner(url, pki, cart(), { sender: SELLER, receiver: BUYER });
    const again = await sendFromPartner(url, pki, Buffer.alloc(0), { sender: SELLER, receiver: BUYER, prebuilt: first });
    expect(again.status).toBe(200);
    expect(again.reply.equals(first.reply)).toBe(true);
    const rows = await db.db.query(`SELECT id FROM messages WHERE as4_message_id = $1`, [first.built.messageId]);
    expect(rows).toHaveLength(1);
  });

  it('the same MessageId sent eight times at once: one record, one job, the same receipt for all', async () => {
    const first = await buildFromPartner(pki, cart(), { sender: SELLER, receiver: BUYER });
    const all = await Promise.all(
      Array.from({ length: 8 }, () => sendFromPartner(url, pki, Buffer.alloc(0), { sender: SELLER, receiver: BUYER, prebuilt: first })),
    );
    for (const sent of all) {
      expect(sent.status).toBe(200);
      expect((await verifyAsSender(sent)).kind).toBe('receipt');
      expect(sent.reply.equals(all[0]!.reply)).toBe(true);
    }
    const rows = await db.db.query<{ id: string }>(`SELECT id FROM messages WHERE as4_message_id = $1`, [first.built.messageId]);
    expect(rows).toHaveLength(1);
    const receipts = await db.db.query(`SELECT receipt FROM as4_receipts WHERE message_id = $1`, [first.built.messageId]);
    expect(receipts).toHaveLength(1);
    expect(await db.db.query(`SELECT message_id FROM peppol_transmissions WHERE message_id = $1`, [rows[0]!.id])).toHaveLength(1);
  });

  it('refuses a recipient we do not serve with EBMS:0004 PEPPOL:NOT_SERVICED and stores nothing', async () => {
    const other = '0088:1234567890128';
    const sent = await sendFromPartner(url, pki, sbdAround(Buffer.from(buildCartXml(sampleCart(1)), 'utf8'), { sender: SELLER, receiver: other }), {
      sender: SELLER,
      receiver: other,
    });
    const outcome = await verifyAsSender(sent);
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.errors[0]).toMatchObject({ code: 'EBMS:0004', detail: 'PEPPOL:NOT_SERVICED' });
    expect(await db.db.query(`SELECT id FROM messages WHERE as4_message_id = $1`, [sent.built.messageId])).toHaveLength(0);
  });
});
