import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyReply } from '../../src/as4/signals/receipt-verifier.js';
import { createScenario, orderXml, sbdFor, type Scenario } from './support/scenario.js';

const limits = { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 };

describe('AS4 inbound: a conforming Peppol UserMessage', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await createScenario();
  });

  it('is stored byte-exact, enqueued once and answered with a verifiable signed receipt', async () => {
    const payload = sbdFor();
    const message = s.build({ payload });
    const { reply, body } = await s.sendBuilt(message);
    expect(reply.error?.message).toBeUndefined();
    expect(reply.status).toBe(200);
    expect(reply.outcome).toBe('receipt');

    const outcome = await verifyReply(reply.body, {
      sentMessageId: message.messageId,
      sentReferences: message.signedReferences,
      limits,
      checkCertificate: async (cert) => {
        if (!cert.raw.equals(Buffer.from(s.pki.ourAp.certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))) throw new Error('not our AP');
      },
    });
    expect(outcome.kind).toBe('receipt');
    expect(message.signedReferences).toHaveLength(3);

    const stored = [...s.store.records.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.raw.equals(body)).toBe(true);
    expect(stored[0]!.sbd.equals(payload)).toBe(true);
    expect(stored[0]!.message.sbdSha256).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(stored[0]!.message.sbdh.receiver.value).toBe('0088:7315458756324');
    expect(stored[0]!.message.receipt.equals(reply.body)).toBe(true);
    expect(s.enqueuer.jobs).toHaveLength(1);
    expect(s.store.keptReceipts()).toBe(1);
  });

  it('accepts an uncompressed payload too (digest over the canonical XML)', async () => {
    const { reply } = await s.sendBuilt(s.build({ compress: false }));
    expect(reply.error?.message).toBeUndefined();
    expect(reply.outcome).toBe('receipt');
  });
});

describe('AS4 inbound: a payload above the spill threshold', () => {
  it('travels through temp files (raw, attachment, decrypted, decompressed) that are removed afterwards', async () => {
    const tempDir = mkdtempSync(join(tmpdir(), 'as4-spill-'));
    try {
      const s = await createScenario({ AS4_TEMP_DIR: tempDir, AS4_SPILL_THRESHOLD_BYTES: '16384' });
      const filler = `<Note>${randomBytes(400_000).toString('base64')}</Note>`;
      const business = Buffer.from(orderXml(2).toString('utf8').replace('</Order>', `${filler}</Order>`));
      const payload = sbdFor({}, business);
      const { reply, body } = await s.sendBuilt(s.build({ payload }));
      expect(reply.error?.message).toBeUndefined();
      expect(reply.outcome).toBe('receipt');
      const [stored] = [...s.store.records.values()];
      expect(stored!.message.raw.path).toBeDefined();
      expect(stored!.message.sbd.path).toBeDefined();
      expect(stored!.raw.equals(body)).toBe(true);
      expect(stored!.sbd.equals(payload)).toBe(true);
      expect(readdirSync(tempDir)).toEqual([]);
    } finally {
      rmSync(tempDir, { recursive: true, force: true });
    }
  });
});
