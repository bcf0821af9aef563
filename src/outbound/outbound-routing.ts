import { countryOfParticipant, type PeppolIdentifier } from '../peppol/index.js';
import { parseDocumentType, parseParticipant, parseProcess } from '../discovery/identifiers.js';
import type { MessageRecord } from '../messages/message-repository.js';
import type { ExplicitEndpoint } from './endpoint-resolver.js';

/** An outbound message lacks what sending needs; retrying cannot help. */
export class OutboundMessageError extends Error {
  override name = 'OutboundMessageError';
}

export interface OutboundRouting {
  sender: PeppolIdentifier;
  receiver: PeppolIdentifier;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  countryC1: string;
}

/**
 * Routing of an outbound message row: C1, C4, document type, process and the C1 country — the row's,
 * else the one the sender's national identifier scheme implies, else the configured default.
 */
export function routingOf(message: MessageRecord, defaultCountryC1: string | undefined): OutboundRouting {
  const missing = (['senderId', 'receiverId', 'documentTypeId', 'processId'] as const).filter((k) => !message[k]);
  if (missing.length > 0) throw new OutboundMessageError(`message ${message.id} lacks ${missing.join(', ')}`);
  const countryC1 = message.countryC1 ?? countryOfParticipant(message.senderId!) ?? defaultCountryC1;
  if (!countryC1) {
    throw new OutboundMessageError(`message ${message.id} has no C1 country, its sender's identifier scheme names none, and AS4_SEND_DEFAULT_COUNTRY_C1 is unset`);
  }
  try {
    return {
      sender: parseParticipant(message.senderId!),
      receiver: parseParticipant(message.receiverId!),
      documentType: parseDocumentType(message.documentTypeId!),
      process: parseProcess(message.processId!),
      countryC1: countryC1.toUpperCase(),
    };
  } catch (error) {
    throw new OutboundMessageError(`message ${message.id}: ${(error as Error).message}`);
  }
}

/** The endpoint an outbound message names explicitly (private setups), checked as stored JSON may be incomplete. */
export function explicitEndpointOf(message: MessageRecord): ExplicitEndpoint | undefined {
  const value: Partial<ExplicitEndpoint> | undefined = message.attributes.as4Endpoint;
  if (!value) return undefined;
  if (typeof value.url !== 'string' || typeof value.certificatePem !== 'string') {
    throw new OutboundMessageError(`message ${message.id}: attribute as4Endpoint needs url and certificatePem`);
  }
  return { url: value.url, certificatePem: value.certificatePem };
}
