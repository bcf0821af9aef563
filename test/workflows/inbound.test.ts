import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import type { StoredReport } from '../../src/workflows/shared/stored-report.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import { BUYER, createHarness, exampleCart, hasExamples, NO_EXAMPLES, SELLER, type Harness } from './support/harness.js';

const MAX_DOCUMENT_BYTES = 4_096;
const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

/** An SBD with a header and nothing after it; `padding` bytes of comment make it as large as wanted. */
function sbdWithoutDocument(padding = 0): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><StandardBusinessDocument xmlns="${SBDH_NS}">` +
    `<StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>` +
    `<!-- ${'x'.repeat(padding)} --></StandardBusinessDocument>`
  );
}

/**
 * The first stage with a small VALIDATION_MAX_DOCUMENT_BYTES, so both ways of taking the business
 * document out of its SBD are used: in memory (SBD within the limit) and streamed (SBD over it).
 */
describe.skipIf(!hasExamples)('received messages are validated or rejected', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ VALIDATION_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES) });
    await h.startWorker();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function receiveSbd(sbd: string): Promise<string> {
    const stored = await h.blobs.put(sbd);
    const message = await h.messages.create(
      { direction: 'inbound', kind: 'cart', state: 'received', senderId: SELLER, receiverId: BUYER },
      { actor: 'test', documents: [{ role: 'sbd', sha256: stored.sha256, mediaType: 'application/xml', size: stored.size }] },
    );
    await h.queue.enqueue(QUEUES.inbound, { messageId: message.id }, { jobId: jobIdFor(QUEUES.inbound, message.id) });
    return message.id;
  }

  it.each([
    ['within the document limit', 0],
    ['over the document limit (streamed)', 2 * MAX_DOCUMENT_BYTES],
  ])('an SBD that carries no business document is rejected at once, %s', async (_, padding) => {
    const sbd = sbdWithoutDocument(padding);
    expect(Buffer.byteLength(sbd) > MAX_DOCUMENT_BYTES).toBe(padding > 0);
    const id = await receiveSbd(sbd);
    const message = await h.waitForState(id, ['rejected', 'failed'], 20_000);
    expect(message.state).toBe('rejected');
    expect((message.validation as StoredReport).fired.map((r) => r.id)).toEqual(['SBD-PAYLOAD']);
    expect(await h.documents.find(id, DOCUMENT_ROLE.business)).toBeUndefined();
  });

  it('a business document over the limit is kept and rejected without being validated', async () => {
    const cart = exampleCart({ id: 'CART-TOO-LARGE' });
    expect(cart.length).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    const id = await h.receive({ document: cart, transaction: 'T77' });
    const message = await h.waitForState(id, ['rejected']);
    expect((message.validation as StoredReport).fired.map((r) => r.id)).toEqual(['XML-SIZE']);
    expect(await h.documentText(id, DOCUMENT_ROLE.business)).toContain('<cbc:ID>CART-TOO-LARGE</cbc:ID>');
  });
});

if (!hasExamples) console.warn(NO_EXAMPLES);
