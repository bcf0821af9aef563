import { randomUUID } from 'node:crypto';

/** `uuid@domain`: the RFC 2822 msg-id form (without brackets) Peppol receivers check. */
export function newMessageId(domain: string): string {
  return `${randomUUID()}@${domain}`;
}

/** Ids for wsu:Id / Id attributes: NCName, unique per message. */
export function newXmlId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
