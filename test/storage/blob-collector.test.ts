import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { OutboundAttempts } from '../../src/outbound/outbound-attempts.js';
import { BlobCollector } from '../../src/reliability/blob-collector.js';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store.js';
import { storageConfig } from '../../src/storage/storage.config.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

describe('blob garbage collection with references (postgres backend, real PostgreSQL)', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'blob-gc-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes old blobs nothing refers to; keeps referenced ones and young ones', async () => {
    const clock = new Clock();
    const store = new PostgresBlobStore(db.db, dir, 1024);
    await store.init();
    const messages = new MessageRepository(db.db, clock);
    const deliveries = new DeliveryRepository(db.db);
    const collector = new BlobCollector(store, messages, deliveries, new OutboundAttempts(db.db), clock, storageConfig.load({ STORAGE_GC_RETENTION_HOURS: '24' }));

    const [asDocument, asPayload, asWebhookBody, orphan, young] = await store.putAll(['<sbd/>', '<payload/>', '{"type":"order.created"}', 'left by a crash', 'just written']);
    await messages.create(
      {
        direction: 'inbound',
        kind: 'cart',
        state: 'received',
        as4MessageId: 'gc-test@local',
        sendingAp: 'local',
        senderId: '0192:987654325',
        receiverId: '0192:123456785',
        payloadSha256: asPayload!.sha256,
        payloadSize: asPayload!.size,
        attributes: {},
      } as never,
      { actor: 'test', reason: 'gc test', documents: [{ role: 'sbd', sha256: asDocument!.sha256, mediaType: 'application/xml', size: asDocument!.size }] },
    );
    await db.db.transaction((tx) =>
      deliveries.insertEvent(
        { id: 'msg_gc', type: 'order.created', supplierId: '0192:987654325', documentTypeId: null, messageId: null, bodySha256: asWebhookBody!.sha256, bodySize: asWebhookBody!.size, occurredAt: new Date() },
        new Date(),
        tx,
      ),
    );
    for (const blob of [asDocument, asPayload, asWebhookBody, orphan]) {
      await db.db.query(`UPDATE blobs SET written_at = now() - interval '48 hours' WHERE sha256 = $1`, [blob!.sha256]);
    }

    expect(await collector.collect(10_000)).toBe(1);
    expect(await store.has(orphan!.sha256)).toBe(false);
    for (const kept of [asDocument, asPayload, asWebhookBody, young]) expect(await store.has(kept!.sha256)).toBe(true);
    // A second pass finds nothing more.
    expect(await collector.collect(10_000)).toBe(0);
  });
});
