import { z } from 'zod';

/** Reusable parameter schemas for the admin API. */
export const uuidParam = z.uuid({ message: 'expected a UUID' });

/** Participant ids as the database keeps them: `<4-digit scheme>:<value>`, compared lower-cased. */
export const participantParam = z
  .string()
  .trim()
  .regex(/^[0-9]{4}:[^\s:/?#]{1,128}$/, { message: 'expected a participant id like 0088:7315458756324' })
  .transform((v) => v.toLowerCase());

export const isoDateTimeParam = z.iso
  .datetime({ offset: true, message: 'expected an ISO 8601 date-time, e.g. 2026-11-23T10:15:00Z' })
  .transform((v) => new Date(v));

/** Document roles name blobs of a message; nothing else is addressable. */
export const documentRoleParam = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'expected a document role like sbd or received-raw' });
