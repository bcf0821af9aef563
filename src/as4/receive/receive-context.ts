import type { Readable } from 'node:stream';
import type { X509Certificate } from 'node:crypto';
import type { Content } from '../io/content.js';
import type { Workspace } from '../io/temp-workspace.js';
import type { SbdhData } from '../sbdh/sbdh-model.js';
import type { SecurityHeaderModel } from '../wss/security-header.js';
import type { EarlierAcceptance, MessageKey } from './ports.js';
import type { UserMessageHeader } from './user-message.js';

export interface ReceivedAttachment {
  readonly contentId: string;
  readonly contentType: string;
  readonly content: Content;
}

interface DecryptedAttachment {
  readonly contentId: string;
  /** Pre-encryption MIME type from EncryptedData/@MimeType. */
  readonly mimeType: string;
  readonly content: Content;
  /** SHA-256 of the decrypted octets, computed while decrypting. */
  readonly sha256: Buffer;
}

interface SoapEnvelopeParts {
  readonly document: Document;
  readonly ids: Map<string, Element>;
  readonly envelope: Element;
  readonly header: Element;
  readonly body: Element;
  readonly messaging: Element;
  readonly userMessage: Element;
  /** The wsse:Security header addressed to us and marked mustUnderstand (the only one processed). */
  readonly security: Element | undefined;
  /** Why a wsse:Security header in the message was not processed, when one was left aside. */
  readonly securityIgnored?: string;
}

/** Deviations from the wire format that are tolerated: `bare-lf` = MIME lines ending in LF instead of CRLF. */
export type Tolerated = 'bare-lf';

/** What the inbound steps know so far; each step reads earlier fields and fills its own. */
export interface ReceiveContext {
  readonly receivedAt: Date;
  readonly contentType: string;
  /** Content-Length as declared by the sender, when given (checked early; the body is counted anyway). */
  readonly declaredLength?: number;
  readonly body: Readable | AsyncIterable<Uint8Array>;
  readonly workspace: Workspace;
  raw?: Content;
  /** What the sender wrote that is common though not strictly legal, and was accepted (counted in metrics). */
  tolerated: Tolerated[];
  soapPart?: Buffer;
  attachments: ReceivedAttachment[];
  soap?: SoapEnvelopeParts;
  /** MessageId as soon as it can be read (for RefToMessageId on errors), even before validation. */
  messageIdHint?: string;
  header?: UserMessageHeader;
  security?: SecurityHeaderModel;
  senderCertificate?: X509Certificate;
  /** True once the signature verified: error replies may then be signed. */
  senderAuthenticated: boolean;
  decrypted: Map<string, DecryptedAttachment>;
  payload?: { readonly content: Content; readonly sha256: Buffer };
  sbdh?: SbdhData;
  key?: MessageKey;
  /** Set when the message was accepted before: only the steps for duplicates run, then its receipt is answered. */
  duplicateOf?: EarlierAcceptance;
  receipt?: { readonly xml: Buffer; readonly messageId: string };
  /** Id of the stored record (this message's, or the earlier one's for a duplicate). */
  stored?: { readonly id: string };
}

/** One ordered step of the inbound pipeline. Throws EbmsError to reject the message. */
export interface ReceiveStep {
  readonly name: string;
  /** Also runs for a duplicate (after `duplicateOf` is set); every other step is skipped then. */
  readonly runsForDuplicates?: boolean;
  run(context: ReceiveContext): Promise<void>;
}

/** A fresh context for one request. */
export function createInboundContext(init: {
  readonly receivedAt: Date;
  readonly contentType: string | undefined;
  readonly declaredLength?: number;
  readonly body: Readable | AsyncIterable<Uint8Array>;
  readonly workspace: Workspace;
}): ReceiveContext {
  return {
    receivedAt: init.receivedAt,
    contentType: init.contentType ?? '',
    declaredLength: init.declaredLength,
    body: init.body,
    workspace: init.workspace,
    attachments: [],
    tolerated: [],
    senderAuthenticated: false,
    decrypted: new Map(),
  };
}
