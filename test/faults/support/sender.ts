import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart, type BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { readSignalEnvelope, readSignalErrors } from '../../../src/as4/signals/signal-reader.js';
import type { DevPki } from '../../../src/pki/dev-pki.js';
import { freshCartXml } from '../../../src/demo/scenario.js';
import { PUNCH_OUT_DOC, PUNCH_OUT_PROCESS, sbdAround, verifyAsSender } from '../../support/as4-client.js';
import { BUYER, SELLER } from './stack.js';

export interface Prepared {
  built: BuiltUserMessage;
  body: Buffer<ArrayBuffer>;
  contentType: string;
}

/** How the sender sees one attempt: a receipt, an ebMS error (with its HTTP status), or no answer at all. */
export type Attempt =
  | { kind: 'receipt'; status: number }
  | { kind: 'error'; status: number; code: string; description: string }
  | { kind: 'no-answer'; status: 0; reason: string };

const signalLimits = { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 };

/** The dev partner AP sending punch-out carts, retrying as a real AP does when it gets no receipt. */
export class CartSender {
  constructor(
    private readonly pki: DevPki,
    private readonly url: () => string,
  ) {}

  /** A signed, encrypted cart with a fresh MessageId; send it as often as needed. */
  async prepare(lines = 2): Promise<Prepared> {
    const sbd = sbdAround(Buffer.from(freshCartXml(`cart-${randomUUID()}`, new Date(), lines, SELLER), 'utf8'), { sender: SELLER, receiver: BUYER });
    const built = buildUserMessage({
      fromPartyId: this.pki.partnerAp.subjectCn,
      toPartyId: this.pki.ourAp.subjectCn,
      process: PUNCH_OUT_PROCESS,
      documentType: PUNCH_OUT_DOC,
      originalSender: SELLER,
      finalRecipient: BUYER,
      payload: sbd,
      signing: { privateKey: createPrivateKey(this.pki.partnerAp.keyPem), certificate: new X509Certificate(this.pki.partnerAp.certPem) },
      encryptFor: new X509Certificate(this.pki.ourAp.certPem),
    });
    const mime = toMultipart(built);
    return { built, body: await multipartToBuffer(mime), contentType: mime.contentType };
  }

  async send(message: Prepared, timeoutMs = 30_000): Promise<Attempt> {
    let res: Response;
    try {
      res = await fetch(this.url(), { method: 'POST', headers: { 'content-type': message.contentType }, body: message.body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { kind: 'no-answer', status: 0, reason: String((error as Error).cause ?? (error as Error).message) };
    }
    const reply = Buffer.from(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
    if (res.status === 200) {
      const outcome = await verifyAsSender({ ...message, status: res.status, reply }).catch(() => undefined);
      if (outcome?.kind === 'receipt') return { kind: 'receipt', status: 200 };
      if (outcome?.kind === 'error') return { kind: 'error', status: 200, code: outcome.errors[0]?.code ?? '?', description: outcome.errors[0]?.description ?? '' };
    }
    try {
      const [error] = readSignalErrors(readSignalEnvelope(reply, signalLimits).signalMessage);
      return { kind: 'error', status: res.status, code: error?.code ?? '?', description: error?.description ?? '' };
    } catch {
      return { kind: 'error', status: res.status, code: `HTTP ${res.status}`, description: reply.toString('utf8').slice(0, 200) };
    }
  }

  /** Retries (same MessageId) until a receipt or `attempts` run out, waiting `delayMs` between tries. */
  async sendUntilReceipt(message: Prepared, opts: { attempts: number; delayMs: number }): Promise<{ receipt: boolean; attempts: Attempt[] }> {
    const attempts: Attempt[] = [];
    for (let i = 0; i < opts.attempts; i++) {
      const attempt = await this.send(message);
      attempts.push(attempt);
      if (attempt.kind === 'receipt') return { receipt: true, attempts };
      // A definite business refusal would not change on retry; only retryable answers are retried.
      if (attempt.kind === 'error' && !isRetryable(attempt)) return { receipt: false, attempts };
      await new Promise((r) => setTimeout(r, opts.delayMs));
    }
    return { receipt: false, attempts };
  }
}

/** What a sending AP treats as "try again later": no answer, HTTP 5xx, or EBMS:0202/0004 with a 5xx. */
function isRetryable(attempt: Attempt): boolean {
  return attempt.kind === 'no-answer' || (attempt.kind === 'error' && attempt.status >= 500);
}
