import { randomUUID } from 'node:crypto';
import type { BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { verifyReply } from '../../../src/as4/signals/receipt-verifier.js';
import { readSignalEnvelope, readSignalErrors } from '../../../src/as4/signals/signal-reader.js';
import { generateCatalogueBytes } from '../../../test/support/catalogue-generator.js';
import { freshCartXml } from '../../../src/demo/scenario.js';
import type { DevPki } from '../../../src/pki/dev-pki.js';
import { PROCESSES, transactionRegistry, TRANSACTIONS, type PeppolIdentifier } from '../../../src/peppol/index.js';
import { SOAK_BUYER, SOAK_SUPPLIER } from './soak-stack.js';
import { partnerAp } from '../partner-messages.js';

export type SoakKind = 'cart' | 'catalogue' | 'duplicate' | 'invalid';

/** The mix, per 20 messages: carts most, then catalogues, resent duplicates and refused ones. */
export const SOAK_MIX: readonly SoakKind[] = [
  ...Array<SoakKind>(11).fill('cart'),
  ...Array<SoakKind>(3).fill('catalogue'),
  ...Array<SoakKind>(3).fill('duplicate'),
  ...Array<SoakKind>(3).fill('invalid'),
];

const T77 = transactionRegistry.identifiersOf(TRANSACTIONS.punchOut.id);
const T19 = transactionRegistry.identifiersOf(TRANSACTIONS.catalogue.id, PROCESSES.catalogueWithoutResponse);
const NOT_SERVED = '0088:1234567890128';

export interface SoakMessage {
  kind: SoakKind;
  built: BuiltUserMessage;
  body: Buffer;
  contentType: string;
  /** For a duplicate: the receipt its first sending got. */
  firstReply?: Buffer;
}

/** Builds the soak's messages as the dev partner AP sends them. */
export class SoakMessages {
  private readonly send;

  constructor(pki: DevPki) {
    this.send = partnerAp(pki);
  }

  async make(kind: Exclude<SoakKind, 'duplicate'>): Promise<SoakMessage> {
    const receiver = kind === 'invalid' ? NOT_SERVED : SOAK_BUYER;
    const ids = (kind === 'catalogue' ? T19 : T77) as { documentType: PeppolIdentifier; process: PeppolIdentifier };
    const document = kind === 'catalogue' ? generateCatalogueBytes({ lines: 20 }) : Buffer.from(freshCartXml(`soak-${randomUUID()}`, new Date(), 3, SOAK_SUPPLIER), 'utf8');
    const { built, body, contentType } = await this.send({ sender: SOAK_SUPPLIER, receiver, countryC1: 'NO', ...ids }, document);
    return { kind, built, body, contentType };
  }
}

const limits = { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 };

/** Whether the reply is the one this kind of message must get; a reason when it is not. */
export async function checkReply(message: SoakMessage, status: number, reply: Buffer): Promise<string | null> {
  if (message.kind === 'duplicate') {
    return status === 200 && message.firstReply && reply.equals(message.firstReply) ? null : `duplicate answered HTTP ${status}, not the first receipt`;
  }
  if (message.kind === 'invalid') {
    if (status >= 500) return `refusal answered HTTP ${status}`;
    const [error] = readSignalErrors(readSignalEnvelope(reply, limits).signalMessage);
    return error?.code === 'EBMS:0004' ? null : `refusal answered ${error?.code ?? 'no ebMS error'}`;
  }
  if (status !== 200) return `${message.kind} answered HTTP ${status}`;
  const outcome = await verifyReply(reply, {
    sentMessageId: message.built.messageId,
    sentReferences: message.built.signedReferences,
    limits,
    checkCertificate: async () => undefined,
  });
  return outcome.kind === 'receipt' ? null : `${message.kind} answered ${outcome.errors[0]?.code ?? 'an error'}`;
}
