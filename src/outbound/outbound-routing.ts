import type { PeppolIdentifier } from '../as4/protocol/identifiers.js';
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
 * Country of the national participant identifier schemes (Peppol code list, peppol-network.md §3):
 * a sender registered in such a scheme is in that country. International schemes (0088 GLN, 0060
 * DUNS, 0209 GS1, ...) say nothing about it.
 */
const ICD_COUNTRY: Readonly<Record<string, string>> = {
  '0002': 'FR', '0007': 'SE', '0009': 'FR', '0096': 'DK', '0106': 'NL', '0151': 'AU', '0184': 'DK', '0190': 'NL',
  '0192': 'NO', '0195': 'SG', '0196': 'IS', '0204': 'DE', '0208': 'BE', '0210': 'IT', '0211': 'IT', '0230': 'MY',
  '9915': 'AT', '9925': 'BE', '9930': 'DE', '9944': 'NL', '9945': 'PL', '9957': 'FR',
};

/**
 * Routing of an outbound message row: C1, C4, document type, process and the C1 country — the row's,
 * else the one the sender's national identifier scheme implies, else the configured default.
 */
export function routingOf(message: MessageRecord, defaultCountryC1: string | undefined): OutboundRouting {
  const missing = (['senderId', 'receiverId', 'documentTypeId', 'processId'] as const).filter((k) => !message[k]);
  if (missing.length > 0) throw new OutboundMessageError(`message ${message.id} lacks ${missing.join(', ')}`);
  const countryC1 = message.countryC1 ?? ICD_COUNTRY[message.senderId!.split(':')[0]!] ?? defaultCountryC1;
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
