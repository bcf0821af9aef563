import { AP_AGREEMENT_REF, AP_PARTY_ID_TYPE } from '../../peppol/index.js';

/**
 * The Peppol AS4 profile pinned as data (peppol-as4.md §1, §3, §5): the only algorithms, token types
 * and fixed header values we produce and accept.
 */
export const ALGORITHM = {
  signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  attachmentContentSignatureTransform:
    'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform',
  keyTransport: 'http://www.w3.org/2009/xmlenc11#rsa-oaep',
  oaepMgf: 'http://www.w3.org/2009/xmlenc11#mgf1sha256',
  oaepDigest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  dataEncryption: 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  attachmentContentOnly: 'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Only',
  attachmentCiphertextTransform:
    'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Ciphertext-Transform',
} as const;

export const TOKEN = {
  x509v3: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
  base64Binary:
    'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
  encryptedKey: 'http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey',
} as const;

/** AES-128-GCM as XML Encryption 1.1 frames it: IV ‖ ciphertext ‖ tag, no AAD. */
export const AES_GCM = { keyBytes: 16, ivBytes: 12, tagBytes: 16, nodeCipher: 'aes-128-gcm' } as const;

export const PEPPOL = {
  agreementRef: AP_AGREEMENT_REF,
  partyIdType: AP_PARTY_ID_TYPE,
  initiatorRole: 'http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/initiator',
  responderRole: 'http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder',
  defaultMpc: 'http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/defaultMPC',
  originalSenderProperty: 'originalSender',
  finalRecipientProperty: 'finalRecipient',
  forbiddenProperties: ['trackingIdentifier'],
  payloadMimeType: 'application/xml',
  gzipCompression: 'application/gzip',
  encryptedPartContentType: 'application/octet-stream',
} as const;

/** HTTP media types of the two SOAP versions; SOAP 1.1 is refused with a specific error. */
export const MEDIA = {
  soap12: 'application/soap+xml',
  soap11: 'text/xml',
  multipartRelated: 'multipart/related',
} as const;

/** Pre-encryption MIME types digested in canonical form by the attachment signature transform. */
export function isXmlMediaType(mediaType: string): boolean {
  const t = mediaType.trim().toLowerCase().split(';')[0]!.trim();
  return t === 'text/xml' || t === 'application/xml' || t.endsWith('+xml');
}
