import type { KeyObject, X509Certificate } from 'node:crypto';
import type { Content } from '../io/content.js';
import type { PeppolIdentifier } from '../../peppol/index.js';
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

/** A message accepted before under the same MessageKey, still inside the duplicate window. */
export interface EarlierAcceptance {
  /** Id of its stored record. */
  readonly storedMessageId: string;
  /** The receipt we answered then: a retry gets exactly these bytes again. */
  readonly receipt: Buffer;
  /** True while its processing has not started (it may have missed its job: queue it again, idempotently). */
  readonly awaitingProcessing: boolean;
}

/**
 * Duplicate detection by MessageKey within a window (database-backed in production): answers a
 * retry cheaply, before any storing. It only reads; the authoritative, race-free claim of a
 * MessageKey is the store's (`InboundMessageStore.persist`), in the same commit as the record.
 */
export abstract class DuplicateRegistry {
  abstract find(key: MessageKey, at: Date): Promise<EarlierAcceptance | undefined>;
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
  /** Until when the receipt is kept to answer duplicates with. */
  readonly keepReceiptUntil: Date;
  readonly senderCertificate: X509Certificate;
}

export type PersistOutcome =
  | {
      readonly status: 'stored';
      /** Id of the message record, handed to the processing job. */
      readonly id: string;
    }
  /** The MessageKey was accepted before (e.g. a concurrent retry won the race): answer as a duplicate. */
  | ({ readonly status: 'duplicate' } & EarlierAcceptance);

/**
 * Durable storage of an accepted message. Contract: write raw, SBD and receipt to the file store and
 * fsync them (and their directory) first, then commit, in one transaction, the message record and
 * the receipt kept for duplicates; resolve only when all of that is durable. One record per
 * MessageKey, ever: when the key was taken already (a concurrent request, or a retry past the
 * window), nothing second is created; within the window the earlier receipt is returned as
 * `duplicate`. Content streams are readable once per `open()` and the temp files behind them are
 * deleted after the request ends, so copy, do not keep references.
 */
export abstract class InboundMessageStore {
  abstract persist(message: InboundMessageToStore): Promise<PersistOutcome>;
}

/**
 * Hands the stored message to background processing (validation, delivery). Must resolve only when
 * the job is durably queued, and be idempotent per stored message (e.g. jobId = stored id).
 */
export abstract class InboundJobEnqueuer {
  abstract enqueue(job: { readonly storedMessageId: string; readonly key: MessageKey; readonly receivedAt: Date }): Promise<void>;
}
