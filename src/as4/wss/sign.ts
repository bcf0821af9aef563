import { createHash, sign as rsaSign, type KeyObject } from 'node:crypto';
import { ALGORITHM } from '../protocol/peppol-profile.js';
import { canonicalizeExclusive } from '../xml/exc-c14n.js';
import type { XmlBuilder } from '../xml/xml-build.js';
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS } from './signature-algorithms.js';
import { TOKEN } from '../protocol/peppol-profile.js';
import { rsaSha256SignAsync } from '../crypto/rsa-async.js';

interface XmlReferenceToSign {
  /** Value of the element's wsu:Id. */
  readonly id: string;
  readonly element: Element;
  readonly inclusivePrefixes: readonly string[];
}

interface AttachmentReferenceToSign {
  readonly contentId: string;
  /** Digest of the attachment content as the Attachment-Content-Signature-Transform defines it. */
  readonly digest: Buffer;
}

export interface SignatureOptions {
  readonly signatureId: string;
  /** wsu:Id of the BinarySecurityToken carrying the signing certificate. */
  readonly tokenId: string;
  readonly privateKey: KeyObject;
  readonly xmlReferences: readonly XmlReferenceToSign[];
  readonly attachmentReferences?: readonly AttachmentReferenceToSign[];
  readonly signedInfoPrefixes?: readonly string[];
}

export function digestBytes(bytes: Uint8Array | string, digestMethod: string = ALGORITHM.digest): Buffer {
  const name = DIGEST_ALGORITHMS[digestMethod];
  if (!name) throw new Error(`unsupported digest ${digestMethod}`);
  return createHash(name).update(bytes).digest();
}

interface PreparedSignature {
  readonly signature: Element;
  /** node:crypto hash name of the signature method. */
  readonly hash: string;
  /** Canonical SignedInfo: the octets to sign. */
  readonly signedInfo: Buffer;
  complete(value: Buffer): Element;
}

/**
 * Builds a WS-Security `ds:Signature` (exclusive C14N, BST direct reference) over the given
 * elements and attachments, appends it to `parent` (the wsse:Security header) and returns it.
 * Elements must already sit in their final place in the document.
 */
export function appendSignature(b: XmlBuilder, parent: Element, options: SignatureOptions): Element {
  const prepared = prepareSignature(b, parent, options);
  return prepared.complete(rsaSign(prepared.hash, prepared.signedInfo, options.privateKey));
}

/** As appendSignature, with the RSA-SHA256 operation off the event loop (WebCrypto). */
export async function appendSignatureAsync(b: XmlBuilder, parent: Element, options: SignatureOptions): Promise<Element> {
  const prepared = prepareSignature(b, parent, options);
  return prepared.complete(await rsaSha256SignAsync(prepared.signedInfo, options.privateKey));
}

function prepareSignature(b: XmlBuilder, parent: Element, options: SignatureOptions): PreparedSignature {
  const signatureMethod = ALGORITHM.signature;
  const digestMethod = ALGORITHM.digest;
  const c14n = (prefixes: readonly string[]) =>
    b.el(
      'ds:Transform',
      { Algorithm: ALGORITHM.canonicalization },
      prefixes.length > 0 ? b.el('ec:InclusiveNamespaces', { PrefixList: prefixes.join(' ') }) : undefined,
    );
  const references: Element[] = [];
  for (const ref of options.xmlReferences) {
    const digest = digestBytes(canonicalizeExclusive(ref.element, ref.inclusivePrefixes), digestMethod);
    references.push(
      b.el(
        'ds:Reference',
        { URI: `#${ref.id}` },
        b.el('ds:Transforms', {}, c14n(ref.inclusivePrefixes)),
        b.el('ds:DigestMethod', { Algorithm: digestMethod }),
        b.el('ds:DigestValue', {}, digest.toString('base64')),
      ),
    );
  }
  for (const att of options.attachmentReferences ?? []) {
    references.push(
      b.el(
        'ds:Reference',
        { URI: `cid:${att.contentId}` },
        b.el('ds:Transforms', {}, b.el('ds:Transform', { Algorithm: ALGORITHM.attachmentContentSignatureTransform })),
        b.el('ds:DigestMethod', { Algorithm: digestMethod }),
        b.el('ds:DigestValue', {}, att.digest.toString('base64')),
      ),
    );
  }
  const signedInfoPrefixes = options.signedInfoPrefixes ?? [];
  const signedInfo = b.el(
    'ds:SignedInfo',
    {},
    b.el(
      'ds:CanonicalizationMethod',
      { Algorithm: ALGORITHM.canonicalization },
      signedInfoPrefixes.length > 0 ? b.el('ec:InclusiveNamespaces', { PrefixList: signedInfoPrefixes.join(' ') }) : undefined,
    ),
    b.el('ds:SignatureMethod', { Algorithm: signatureMethod }),
    ...references,
  );
  const signatureValue = b.el('ds:SignatureValue');
  const signature = b.el(
    'ds:Signature',
    { Id: options.signatureId },
    signedInfo,
    signatureValue,
    b.el(
      'ds:KeyInfo',
      {},
      b.el(
        'wsse:SecurityTokenReference',
        {},
        b.el('wsse:Reference', { URI: `#${options.tokenId}`, ValueType: TOKEN.x509v3 }),
      ),
    ),
  );
  parent.appendChild(signature);
  const hash = SIGNATURE_ALGORITHMS[signatureMethod];
  if (!hash) throw new Error(`unsupported signature method ${signatureMethod}`);
  return {
    signature,
    hash,
    signedInfo: Buffer.from(canonicalizeExclusive(signedInfo, signedInfoPrefixes), 'utf8'),
    complete(value) {
      signatureValue.appendChild(b.doc.createTextNode(value.toString('base64')));
      return signature;
    },
  };
}

/** A wsse:BinarySecurityToken carrying an X.509 certificate. */
export function binarySecurityToken(b: XmlBuilder, id: string, certificateDer: Buffer): Element {
  return b.el(
    'wsse:BinarySecurityToken',
    { 'wsu:Id': id, ValueType: TOKEN.x509v3, EncodingType: TOKEN.base64Binary },
    certificateDer.toString('base64'),
  );
}
