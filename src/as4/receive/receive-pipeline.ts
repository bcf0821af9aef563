import type { Readable } from 'node:stream';
import type { Clock } from '../../common/clock.js';
import { inSpan } from '../../tracing/trace-context.js';
import type { As4Config } from '../as4.config.js';
import type { TempWorkspaces } from '../io/temp-workspace.js';
import { EbmsError } from '../protocol/ebms-errors.js';
import { buildErrorSignal } from '../signals/error-signal-builder.js';
import { httpStatusForError } from '../signals/http-status.js';
import { createInboundContext, type ReceiveContext, type ReceiveStep, type Tolerated } from './receive-context.js';
import type {
  AccessPointKeys,
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  SenderCertificateValidator,
} from './ports.js';
import { BuildReceiptStep } from './steps/build-receipt.step.js';
import { CheckDuplicateStep } from './steps/check-duplicate.step.js';
import { CheckSbdhConsistencyStep } from './steps/check-sbdh-consistency.step.js';
import { CheckSecurityHeaderStep } from './steps/check-security-header.step.js';
import { CheckServedStep } from './steps/check-served.step.js';
import { DecompressStep } from './steps/decompress.step.js';
import { DecryptAttachmentsStep } from './steps/decrypt-attachments.step.js';
import { EnqueueStep } from './steps/enqueue.step.js';
import { ParseEnvelopeStep } from './steps/parse-envelope.step.js';
import { ParseSbdhStep } from './steps/parse-sbdh.step.js';
import { PeppolHeaderStep } from './steps/peppol-header.step.js';
import { PersistStep } from './steps/persist.step.js';
import { ReceiveMimeStep } from './steps/receive-mime.step.js';
import { VerifySignatureStep } from './steps/verify-signature.step.js';

export interface ReceiveRequest {
  readonly contentType: string | undefined;
  /** The Content-Length header, if any. */
  readonly contentLength?: string | undefined;
  readonly body: Readable | AsyncIterable<Uint8Array>;
}

export interface ReceiveReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  readonly outcome: 'receipt' | 'duplicate' | 'error';
  /** eb:MessageId of the received UserMessage when it could be read. */
  readonly messageId?: string;
  readonly error?: EbmsError;
  /** False when the request body was not read to its end (the connection should be closed). */
  readonly bodyConsumed: boolean;
  /** Wire-format deviations that were accepted (for the metrics). */
  readonly tolerated: readonly Tolerated[];
}

export interface ReceiveDependencies {
  readonly config: As4Config;
  readonly clock: Clock;
  readonly workspaces: TempWorkspaces;
  readonly keys: AccessPointKeys;
  readonly certificateValidator: SenderCertificateValidator;
  readonly participants: ParticipantDirectory;
  readonly duplicates: DuplicateRegistry;
  readonly store: InboundMessageStore;
  readonly enqueuer: InboundJobEnqueuer;
  /** Told how long each step took, in seconds (metrics); steps that threw are reported too. */
  readonly observeStep?: (step: string, seconds: number) => void;
}

/** The receive steps in order (docs/architecture.md; the message is stored before the receipt). */
export function createReceiveSteps(deps: ReceiveDependencies): ReceiveStep[] {
  const { limits } = deps.config;
  return [
    new ReceiveMimeStep({
      maxBodyBytes: limits.maxBodyBytes,
      maxMimeParts: limits.maxMimeParts,
      maxPartHeaderBytes: limits.maxPartHeaderBytes,
      maxSoapBytes: limits.soapXml.maxBytes,
      spillThresholdBytes: limits.spillThresholdBytes,
    }),
    new ParseEnvelopeStep(limits.soapXml),
    new PeppolHeaderStep(deps.keys, deps.config.checkToParty),
    new CheckSecurityHeaderStep(deps.certificateValidator, limits.maxSignatureReferences),
    new DecryptAttachmentsStep(deps.keys),
    new VerifySignatureStep(limits.xmlAttachment),
    new DecompressStep(limits.maxDecompressedBytes, limits.spillThresholdBytes),
    new ParseSbdhStep(limits.maxSbdhHeadBytes, limits.sbdhXml),
    new CheckSbdhConsistencyStep(),
    new CheckServedStep(deps.participants),
    new CheckDuplicateStep(deps.duplicates),
    new BuildReceiptStep(deps.keys, deps.clock, deps.config.messageIdDomain),
    new PersistStep(deps.store, deps.config.duplicateWindowMs),
    new EnqueueStep(deps.enqueuer),
  ];
}

const SOAP_REPLY = 'application/soap+xml; charset=UTF-8';

/** Runs the steps over one request and turns the outcome into the synchronous AS4 reply. */
export class ReceivePipeline {
  constructor(
    private readonly steps: readonly ReceiveStep[],
    private readonly deps: Pick<ReceiveDependencies, 'config' | 'clock' | 'workspaces' | 'keys' | 'observeStep'>,
  ) {}

  static create(deps: ReceiveDependencies): ReceivePipeline {
    return new ReceivePipeline(createReceiveSteps(deps), deps);
  }

  async handle(request: ReceiveRequest): Promise<ReceiveReply> {
    const workspace = await this.deps.workspaces.create();
    const length = request.contentLength !== undefined && /^\d{1,15}$/.test(request.contentLength) ? Number(request.contentLength) : undefined;
    const ctx = createInboundContext({ receivedAt: this.deps.clock.now(), contentType: request.contentType, declaredLength: length, body: request.body, workspace });
    try {
      for (const step of this.steps) {
        if (ctx.duplicateOf && !step.runsForDuplicates) continue;
        await this.runStep(step, ctx);
      }
      if (ctx.duplicateOf) {
        return { status: 200, contentType: SOAP_REPLY, body: ctx.duplicateOf.receipt, outcome: 'duplicate', messageId: ctx.header?.messageId, bodyConsumed: true, tolerated: ctx.tolerated };
      }
      return { status: 200, contentType: SOAP_REPLY, body: ctx.receipt!.xml, outcome: 'receipt', messageId: ctx.header?.messageId, bodyConsumed: true, tolerated: ctx.tolerated };
    } catch (thrown) {
      return await this.reject(ctx, thrown);
    } finally {
      await workspace.dispose();
    }
  }

  /** Each step is a child span of the request's span when tracing is on (`as4.receive persist`, ...). */
  private runStep(step: ReceiveStep, ctx: ReceiveContext): Promise<void> {
    return inSpan(`as4.receive ${step.name}`, {}, async () => {
      const observe = this.deps.observeStep;
      if (!observe) return step.run(ctx);
      const started = performance.now();
      try {
        await step.run(ctx);
      } finally {
        observe(step.name, (performance.now() - started) / 1000);
      }
    });
  }

  private async reject(ctx: ReceiveContext, thrown: unknown): Promise<ReceiveReply> {
    const refToMessageId = ctx.header?.messageId ?? ctx.messageIdHint;
    const base =
      thrown instanceof EbmsError
        ? thrown
        : new EbmsError('EBMS:0004', 'internal error while processing the message', undefined, { httpStatus: 500, cause: thrown });
    const error = base.withRefToMessageId(refToMessageId);
    const signer = this.deps.config.signErrors && ctx.senderAuthenticated ? this.deps.keys.signing() : undefined;
    const build = (withSigner: typeof signer) =>
      buildErrorSignal({ errors: [error], refToMessageId, signer: withSigner, now: this.deps.clock.now(), messageIdDomain: this.deps.config.messageIdDomain });
    // An error reply must always go out: if signing it fails, send it unsigned.
    const signal = await build(signer).catch(() => build(undefined));
    return {
      status: httpStatusForError(error),
      contentType: SOAP_REPLY,
      body: Buffer.from(signal.xml, 'utf8'),
      outcome: 'error',
      messageId: refToMessageId,
      error,
      bodyConsumed: ctx.raw !== undefined,
      tolerated: ctx.tolerated,
    };
  }
}
