import { randomUUID } from 'node:crypto';
import { buildSbd } from '../../src/as4/sbdh/sbdh-build.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { JobQueue } from '../../src/queue/job-queue.js';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { IDENTIFIER_SCHEMES, normalizeParticipant, qualifiedDocumentTypeId, qualifiedProcessId, SYNTAXES, transactionRegistry } from '../../src/peppol/index.js';

export interface DocumentToReceive {
  /** The UBL business document (UTF-8). */
  document: Buffer;
  /** Transaction the envelope names (T77, T19, ...). */
  transaction: string;
  /** C1 and C4 participant ids, `scheme:value`. */
  sender: string;
  receiver: string;
  countryC1?: string;
  /** Sending access point and AS4 MessageId (duplicate key); defaults make a unique pair. */
  sendingAp?: string;
  as4MessageId?: string;
}

/**
 * Takes a business document in as the AS4 receiver does after a successful reception: the SBD in
 * the blob store, a `received` message with its `sbd` document, a job on the inbound queue. Used to
 * feed documents that arrived by other means (replays, load tests) through the same processing.
 */
export async function receiveDocument(
  deps: { blobs: BlobStore; messages: MessageRepository; queue: JobQueue },
  input: DocumentToReceive,
): Promise<string> {
  const transaction = transactionRegistry.require(input.transaction);
  const documentType = transaction.documentTypeId;
  const process = transaction.processIds[0]!;
  const instanceIdentifier = randomUUID();
  const sbd = buildSbd(
    {
      sender: input.sender,
      receiver: input.receiver,
      documentType: { scheme: IDENTIFIER_SCHEMES.documentType, value: documentType },
      process: { scheme: IDENTIFIER_SCHEMES.process, value: process },
      countryC1: input.countryC1 ?? 'NO',
      instanceIdentifier,
      standard: transaction.rootNamespace,
      typeVersion: SYNTAXES[transaction.syntax].version,
      type: transaction.rootName,
      creationDateAndTime: new Date(),
    },
    input.document,
  );
  const stored = await deps.blobs.put(sbd);
  const record = await deps.messages.create(
    {
      direction: 'inbound',
      kind: transaction.kind,
      state: 'received',
      as4MessageId: input.as4MessageId ?? `${instanceIdentifier}@local`,
      sendingAp: input.sendingAp ?? 'local',
      senderId: normalizeParticipant(input.sender),
      receiverId: normalizeParticipant(input.receiver),
      documentTypeId: qualifiedDocumentTypeId(documentType),
      processId: qualifiedProcessId(process),
      sbdhInstanceId: instanceIdentifier,
      countryC1: input.countryC1 ?? 'NO',
      payloadSha256: stored.sha256,
      payloadSize: stored.size,
      attributes: { transaction: transaction.id },
    },
    {
      actor: 'system:receive-document',
      reason: 'taken in as received',
      documents: [{ role: 'sbd', sha256: stored.sha256, mediaType: 'application/xml', size: stored.size }],
    },
  );
  await deps.queue.enqueue(QUEUES.inbound, { messageId: record.id }, { jobId: jobIdFor(QUEUES.inbound, record.id) });
  return record.id;
}
