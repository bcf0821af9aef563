import { timingSafeEqual, verify as rsaVerify } from 'node:crypto';
import { EbmsError } from '../protocol/ebms-errors.js';
import { canonicalizeExclusive } from '../xml/exc-c14n.js';
import type { SignatureModel } from './security-header.js';
import { digestBytes } from './sign.js';

const sameDigest = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * Checks every reference digest, then the RSA-SHA256 signature over the canonical SignedInfo with
 * the token's public key. Element references resolve through the unique-id index only; attachment
 * digests come from `attachmentDigest` (computed while decrypting). Any failure → EBMS:0101.
 */
export function verifySignature(
  model: SignatureModel,
  ids: Map<string, Element>,
  attachmentDigest: (uri: string) => Buffer | undefined,
): void {
  for (const ref of model.references) {
    let actual: Buffer | undefined;
    if (ref.kind === 'element') {
      const target = ids.get(ref.uri.slice(1));
      if (!target) throw new EbmsError('EBMS:0101', `signed element ${ref.uri} is not in the message`);
      actual = digestBytes(canonicalizeExclusive(target, ref.inclusivePrefixes), ref.digestMethod);
    } else {
      actual = attachmentDigest(ref.uri);
      if (!actual) throw new EbmsError('EBMS:0101', `signed attachment ${ref.uri} is not in the message`);
    }
    if (!sameDigest(actual, ref.digestValue)) {
      throw new EbmsError('EBMS:0101', `digest of ${ref.uri} does not match the signed digest`);
    }
  }
  const signedInfo = Buffer.from(canonicalizeExclusive(model.signedInfo, model.signedInfoPrefixes), 'utf8');
  let valid = false;
  try {
    valid = rsaVerify('sha256', signedInfo, model.token.certificate.publicKey, model.signatureValue);
  } catch (error) {
    throw new EbmsError('EBMS:0101', 'signature value cannot be checked with the signing certificate', undefined, { cause: error });
  }
  if (!valid) throw new EbmsError('EBMS:0101', 'signature value does not match SignedInfo');
}
