import path from 'node:path';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

const MiB = 1024 * 1024;

/** Every bound of the AS4 receiver is a variable (designed for documents of 100 MB and more). */
export const as4Config = defineConfig(
  'as4',
  {
    AS4_MAX_BODY_BYTES: env.int(110 * MiB, 1024),
    AS4_MAX_MIME_PARTS: env.int(8, 2, 1000),
    AS4_MAX_PART_HEADER_BYTES: env.int(8 * 1024, 256),
    AS4_MAX_SOAP_BYTES: env.int(2 * MiB, 1024),
    AS4_XML_MAX_DEPTH: env.int(64, 8, 10_000),
    AS4_XML_MAX_ELEMENTS: env.int(20_000, 100),
    AS4_MAX_SIGNATURE_REFERENCES: env.int(16, 3, 1000),
    AS4_SPILL_THRESHOLD_BYTES: env.int(1 * MiB, 0),
    AS4_MAX_DECOMPRESSED_BYTES: env.int(500 * MiB, 1024),
    AS4_MAX_XML_ATTACHMENT_BYTES: env.int(50 * MiB, 1024),
    AS4_MAX_SBDH_HEAD_BYTES: env.int(64 * 1024, 1024),
    AS4_DUPLICATE_WINDOW_HOURS: env.int(24 * 30, 1),
    DATA_DIR: env.dataDir(),
    /** Large received attachments spill here while a request is handled; default `DATA_DIR/spool/as4-in`. */
    AS4_TEMP_DIR: env.optionalString(),
    AS4_MESSAGE_ID_DOMAIN: env.string('as4.peppol-ap.local'),
    AS4_CHECK_TO_PARTY: env.bool(true),
    AS4_SIGN_ERRORS: env.bool(true),
  },
  (v) => ({
    limits: {
      maxBodyBytes: v.AS4_MAX_BODY_BYTES,
      maxMimeParts: v.AS4_MAX_MIME_PARTS,
      maxPartHeaderBytes: v.AS4_MAX_PART_HEADER_BYTES,
      soapXml: { maxBytes: v.AS4_MAX_SOAP_BYTES, maxDepth: v.AS4_XML_MAX_DEPTH, maxElements: v.AS4_XML_MAX_ELEMENTS },
      maxSignatureReferences: v.AS4_MAX_SIGNATURE_REFERENCES,
      spillThresholdBytes: v.AS4_SPILL_THRESHOLD_BYTES,
      maxDecompressedBytes: v.AS4_MAX_DECOMPRESSED_BYTES,
      xmlAttachment: { maxBytes: v.AS4_MAX_XML_ATTACHMENT_BYTES, maxDepth: v.AS4_XML_MAX_DEPTH, maxElements: 10_000_000 },
      maxSbdhHeadBytes: v.AS4_MAX_SBDH_HEAD_BYTES,
      sbdhXml: { maxBytes: v.AS4_MAX_SBDH_HEAD_BYTES + 4096, maxDepth: v.AS4_XML_MAX_DEPTH, maxElements: 2_000 },
    },
    duplicateWindowMs: v.AS4_DUPLICATE_WINDOW_HOURS * 3_600_000,
    tempDir: v.AS4_TEMP_DIR ?? path.join(v.DATA_DIR, 'spool', 'as4-in'),
    messageIdDomain: v.AS4_MESSAGE_ID_DOMAIN,
    /** Require eb:To/PartyId to be the CN of our AP certificate. */
    checkToParty: v.AS4_CHECK_TO_PARTY,
    /** Sign Error signals when the sender was authenticated. */
    signErrors: v.AS4_SIGN_ERRORS,
  }),
);

export type As4Config = ConfigOf<typeof as4Config>;
