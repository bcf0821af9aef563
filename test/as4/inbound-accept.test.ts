import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyReply } from '../../src/as4/signals/receipt-verifier.js';
import { createScenario, sbdFor, type Scenario } from './support/scenario.js';

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
    expect(s.duplicates.completedCount()).toBe(1);
  });

  it('accepts an uncompressed payload too (digest over the canonical XML)', async () => {
    const { reply } = await s.sendBuilt(s.build({ compress: false }));
    expect(reply.error?.message).toBeUndefined();
    expect(reply.outcome).toBe('receipt');
  });
});
