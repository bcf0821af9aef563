import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { isXmlMediaType } from '../protocol/peppol-profile.js';
import { readContent, type Content } from '../io/content.js';
import { canonicalizeExclusive } from '../xml/exc-c14n.js';
import { parseSafeXml, type XmlLimits } from '../xml/safe-xml.js';

/** A pass-through stream that hashes what flows through it (SHA-256). */
export function hashingPassThrough(): Transform & { digest(): Buffer } {
  const hash = createHash('sha256');
  let result: Buffer | undefined;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      result = hash.digest();
      done();
    },
  }) as Transform & { digest(): Buffer };
  stream.digest = () => {
    if (!result) throw new Error('digest read before the stream ended');
    return result;
  };
  return stream;
}

/**
 * Input octets of the Attachment-Content-Signature-Transform (SwA 1.1 §5.4.2): XML media types in
 * exclusive canonical form, other text types with CRLF line ends, everything else (application/gzip)
 * raw — for which the streaming digest computed while decrypting is used as is.
 */
export async function attachmentContentDigest(
  content: Content,
  mediaType: string,
  rawSha256: Buffer,
  xmlLimits: XmlLimits,
): Promise<Buffer> {
  const type = mediaType.trim().toLowerCase().split(';')[0]!.trim();
  if (isXmlMediaType(type)) {
    const doc = parseSafeXml(await readContent(content, xmlLimits.maxBytes), xmlLimits);
    return createHash('sha256').update(canonicalizeExclusive(doc.documentElement), 'utf8').digest();
  }
  if (type.startsWith('text/')) {
    const bytes = await readContent(content, xmlLimits.maxBytes);
    return createHash('sha256').update(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8').digest();
  }
  return rawSha256;
}

/** Sender side: digest of in-memory content with the same rules. */
export function attachmentContentDigestOf(bytes: Buffer, mediaType: string, xmlLimits: XmlLimits): Buffer {
  const type = mediaType.trim().toLowerCase().split(';')[0]!.trim();
  if (isXmlMediaType(type)) {
    return createHash('sha256').update(canonicalizeExclusive(parseSafeXml(bytes, xmlLimits).documentElement), 'utf8').digest();
  }
  if (type.startsWith('text/')) return createHash('sha256').update(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8').digest();
  return createHash('sha256').update(bytes).digest();
}
