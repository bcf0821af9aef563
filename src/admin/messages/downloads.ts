import type { MessageDocument } from '../../messages/message-repository.js';

// Safe to echo in a header: a MIME type with parameters, no control characters.
const HEADER_SAFE = /^[\x20-\x7e]{1,512}$/;

/**
 * The Content-Type a document is served with: the raw message as it arrived keeps its own MIME type
 * (multipart with boundary); the SBD and produced business documents are XML; a receipt is SOAP.
 */
export function downloadMediaType(doc: Pick<MessageDocument, 'role' | 'mediaType'>): string {
  if (doc.role === 'receipt') return 'application/soap+xml';
  if (doc.role === 'received-raw') return HEADER_SAFE.test(doc.mediaType) ? doc.mediaType : 'application/octet-stream';
  if (doc.role === 'sbd') return 'application/xml';
  return /xml/i.test(doc.mediaType) ? 'application/xml' : HEADER_SAFE.test(doc.mediaType) ? doc.mediaType : 'application/octet-stream';
}

export function downloadName(messageId: string, doc: Pick<MessageDocument, 'role' | 'mediaType'>): string {
  const type = downloadMediaType(doc);
  const extension = type.startsWith('multipart/') ? 'mime' : /xml/.test(type) ? 'xml' : 'bin';
  return `${messageId}-${doc.role}.${extension}`;
}
