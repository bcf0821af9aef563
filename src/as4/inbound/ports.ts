import type { KeyObject, X509Certificate } from 'node:crypto';
import type { Content } from '../io/content.js';
import type { PeppolIdentifier } from '../protocol/identifiers.js';
import type { SbdhData } from '../sbdh/sbdh-model.js';
import type { UserMessageHeader } from './user-message.js';

/*
 * Ports the inbound AS4 pipeline needs from the rest of the application. Each is an abstract class,
 * usable directly as a Nest injection token; the application module binds implementations.
 * Any port that throws stops the pipeline before a receipt: the sender gets EBMS:0202 with HTTP 500
 * and retries with the same MessageId.
 */

/** Identifies one AS4 message for duplicate detection and storage. */
export interface MessageKey {
  /** eb:MessageId of the UserMessage. */
  readonly messageId: string;
  /** eb:From/PartyId (the sending AP), so two APs cannot collide on a MessageId. */
  readonly senderPartyId: string;
}

export interface As4KeyPair {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

/** Our AP certificate(s) and key(s). */
export abstract class AccessPointKeys {
  /** Key and certificate we sign receipts and errors with; its CN is our eb:PartyId. */
  abstract signing(): As4KeyPair;
  /** Every key we can decrypt with, current first (during a rollover the previous one too). */
  abstract decryption(): readonly As4KeyPair[];
}

export type CertificateVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/**
 * Decides whether a sender's signing certificate is a Peppol AP certificate we accept at `at`:
 * chain to a configured AP CA of our stage, validity period, key usage, revocation (OCSP/CRL).
 * Resolves `{ valid: false }` for an unacceptable certificate; throws only when it cannot decide
 * (e.g. revocation source unreachable under a hard-fail policy).
 */
export abstract class SenderCertificateValidator {
  abstract validate(certificate: X509Certificate, at: Date): Promise<CertificateVerdict>;
}

export type ServiceLookup = 'served' | 'unknown-participant' | 'document-type-not-accepted';

/** The participants we serve and the document types / processes each accepts. */
export abstract class ParticipantDirectory {
  abstract lookup(query: {
    readonly participant: PeppolIdentifier;
    readonly documentType: PeppolIdentifier;
    readonly process: PeppolIdentifier;
  }): Promise<ServiceLookup>;
}

export type DuplicateClaim =
  | { readonly status: 'new' }
  /** Accepted before, inside the window: the stored receipt is answered again. */
  | { readonly status: 'duplicate'; readonly receipt: Buffer }
  /** Another request for the same key is being processed right now. */
  | { readonly status: 'in-progress' };

/**
 * Duplicate detection by MessageKey within a window (database-backed in production).
 * `claim` must be atomic across processes (e.g. INSERT … ON CONFLICT): exactly one concurrent
 * caller gets `new`. A claim is either completed (receipt kept until `keepUntil`) or released.
 */
export abstract class DuplicateRegistry {
  abstract claim(key: MessageKey, receivedAt: Date): Promise<DuplicateClaim>;
  abstract complete(key: MessageKey, receipt: Buffer, keepUntil: Date): Promise<void>;
  /** Forget an unfinished claim so the sender's retry is processed afresh. Must not throw for unknown keys. */
  abstract release(key: MessageKey): Promise<void>;
}

export interface InboundMessageToStore {
  readonly key: MessageKey;
  readonly receivedAt: Date;
  /** The HTTP Content-Type header as received (needed to re-read the raw MIME body). */
  readonly contentType: string;
  /** The request body exactly as received (multipart/related bytes). */
  readonly raw: Content;
  /** The decrypted, decompressed SBD (SBDH + business document). */
  readonly sbd: Content;
  readonly header: UserMessageHeader;
  readonly sbdh: SbdhData;
  /** SHA-256 of the SBD, hex. */
  readonly sbdSha256: string;
  /** The signed receipt that will be returned once this call and the enqueue succeed. */
  readonly receipt: Buffer;
  readonly senderCertificate: X509Certificate;
}

export interface StoredInboundMessage {
  /** Id of the message record, handed to the processing job. */
  readonly id: string;
}

/**
 * Durable storage of an accepted message. Contract: write raw and SBD to the file store and fsync
 * them (and their directory) first, then commit the message record; resolve only when all of that
 * is durable. Idempotent per MessageKey: a retry after a failed enqueue must reuse or overwrite the
 * same record, never create a second one. Content streams are readable once per `open()` and the
 * temp files behind them are deleted after the request ends, so copy, do not keep references.
 */
export abstract class InboundMessageStore {
  abstract persist(message: InboundMessageToStore): Promise<StoredInboundMessage>;
}

/**
 * Hands the stored message to background processing (validation, delivery). Must resolve only when
 * the job is durably queued, and be idempotent per stored message (e.g. jobId = stored id).
 */
export abstract class InboundJobEnqueuer {
  abstract enqueue(job: { readonly storedMessageId: string; readonly key: MessageKey; readonly receivedAt: Date }): Promise<void>;
}
