import type { X509Certificate } from 'node:crypto';
import { certificateFromBase64 } from '../crypto/certificates.js';
import { EbmsError } from '../protocol/ebms-errors.js';
import { NS } from '../protocol/namespaces.js';
import { ALGORITHM, TOKEN } from '../protocol/peppol-profile.js';
import { attribute, childElements, optionalChild, requiredChild, text } from '../xml/dom.js';
import { parsePrefixList } from '../xml/exc-c14n.js';

interface SecurityToken {
  readonly id: string;
  readonly certificate: X509Certificate;
}

interface ReferenceModel {
  readonly element: Element;
  readonly uri: string;
  readonly kind: 'element' | 'attachment';
  /** For element references: PrefixList of the exc-c14n transform. */
  readonly inclusivePrefixes: string[];
  readonly digestMethod: string;
  readonly digestValue: Buffer;
}

export interface SignatureModel {
  readonly element: Element;
  readonly signedInfo: Element;
  readonly signedInfoPrefixes: string[];
  readonly signatureValue: Buffer;
  readonly references: ReferenceModel[];
  readonly token: SecurityToken;
}

interface EncryptedKeyModel {
  readonly element: Element;
  readonly id: string | undefined;
  readonly token: SecurityToken;
  readonly wrappedKey: Buffer;
  readonly dataReferences: string[];
}

interface EncryptedDataModel {
  readonly element: Element;
  readonly id: string;
  /** Pre-encryption MIME type (application/gzip when compressed). */
  readonly mimeType: string | undefined;
  readonly contentId: string;
}

export interface SecurityHeaderModel {
  readonly signature: SignatureModel;
  readonly encryptedKeys: EncryptedKeyModel[];
  readonly encryptedData: EncryptedDataModel[];
}

const policy = (detail: string) => new EbmsError('EBMS:0103', detail);

function requireAlgorithm(element: Element, expected: string, what: string): void {
  const actual = attribute(element, null, 'Algorithm');
  if (actual !== expected) throw policy(`${what} algorithm ${actual ?? '(none)'} is not allowed; the Peppol AS4 profile requires ${expected}`);
}

function base64Value(element: Element, what: string): Buffer {
  const value = text(element).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length === 0) throw new EbmsError('EBMS:0009', `${what} is not base64`);
  return Buffer.from(value, 'base64');
}

/** Resolves a SecurityTokenReference that must be a direct reference to a BST (X509v3). */
function tokenFromReference(keyInfo: Element | undefined, ids: Map<string, Element>, what: string): SecurityToken {
  const str = keyInfo && optionalChild(keyInfo, NS.wsse, 'SecurityTokenReference');
  const reference = str && optionalChild(str, NS.wsse, 'Reference');
  const uri = reference && attribute(reference, null, 'URI');
  if (!uri || !uri.startsWith('#')) {
    throw policy(`${what} must reference its certificate by BinarySecurityToken direct reference`);
  }
  const bst = ids.get(uri.slice(1));
  if (!bst || bst.namespaceURI !== NS.wsse || bst.localName !== 'BinarySecurityToken') {
    throw policy(`${what} references ${uri}, which is not a BinarySecurityToken`);
  }
  if (attribute(bst, null, 'ValueType') !== TOKEN.x509v3) throw policy('BinarySecurityToken ValueType must be X509v3');
  const encoding = attribute(bst, null, 'EncodingType');
  if (encoding !== undefined && encoding !== TOKEN.base64Binary) throw policy('BinarySecurityToken EncodingType must be Base64Binary');
  try {
    return { id: uri.slice(1), certificate: certificateFromBase64(text(bst)) };
  } catch (error) {
    throw new EbmsError('EBMS:0101', `BinarySecurityToken ${uri} does not hold an X.509 certificate`, undefined, { cause: error });
  }
}

function readReference(reference: Element): ReferenceModel {
  const uri = attribute(reference, null, 'URI') ?? '';
  const transforms = childElements(requiredChild(reference, NS.ds, 'Transforms'), NS.ds, 'Transform');
  const digestMethodElement = requiredChild(reference, NS.ds, 'DigestMethod');
  requireAlgorithm(digestMethodElement, ALGORITHM.digest, `digest of reference ${uri}`);
  const digestValue = base64Value(requiredChild(reference, NS.ds, 'DigestValue'), `DigestValue of ${uri}`);
  if (transforms.length !== 1) throw policy(`reference ${uri} must have exactly one transform`);
  const transform = transforms[0]!;
  if (uri.startsWith('#') && uri.length > 1) {
    requireAlgorithm(transform, ALGORITHM.canonicalization, `transform of reference ${uri}`);
    const inclusive = optionalChild(transform, NS.ec, 'InclusiveNamespaces');
    const inclusivePrefixes = parsePrefixList(inclusive && attribute(inclusive, null, 'PrefixList'));
    return { element: reference, uri, kind: 'element', inclusivePrefixes, digestMethod: ALGORITHM.digest, digestValue };
  }
  if (uri.toLowerCase().startsWith('cid:')) {
    requireAlgorithm(transform, ALGORITHM.attachmentContentSignatureTransform, `transform of reference ${uri}`);
    return { element: reference, uri, kind: 'attachment', inclusivePrefixes: [], digestMethod: ALGORITHM.digest, digestValue };
  }
  throw policy(`reference URI "${uri}" is neither a same-document id nor a cid: attachment`);
}

function readSignature(signature: Element, ids: Map<string, Element>, maxReferences: number): SignatureModel {
  const signedInfo = requiredChild(signature, NS.ds, 'SignedInfo');
  const c14n = requiredChild(signedInfo, NS.ds, 'CanonicalizationMethod');
  requireAlgorithm(c14n, ALGORITHM.canonicalization, 'SignedInfo canonicalization');
  requireAlgorithm(requiredChild(signedInfo, NS.ds, 'SignatureMethod'), ALGORITHM.signature, 'signature');
  const inclusive = optionalChild(c14n, NS.ec, 'InclusiveNamespaces');
  const referenceElements = childElements(signedInfo, NS.ds, 'Reference');
  if (referenceElements.length === 0) throw new EbmsError('EBMS:0101', 'the signature has no references');
  if (referenceElements.length > maxReferences) {
    throw policy(`the signature has ${referenceElements.length} references; at most ${maxReferences} are accepted`);
  }
  return {
    element: signature,
    signedInfo,
    signedInfoPrefixes: parsePrefixList(inclusive && attribute(inclusive, null, 'PrefixList')),
    signatureValue: base64Value(requiredChild(signature, NS.ds, 'SignatureValue'), 'SignatureValue'),
    references: referenceElements.map(readReference),
    token: tokenFromReference(optionalChild(signature, NS.ds, 'KeyInfo'), ids, 'the signature'),
  };
}

function readEncryptedKey(element: Element, ids: Map<string, Element>): EncryptedKeyModel {
  const method = requiredChild(element, NS.xenc, 'EncryptionMethod');
  requireAlgorithm(method, ALGORITHM.keyTransport, 'key transport');
  const digest = optionalChild(method, NS.ds, 'DigestMethod');
  if (!digest) throw policy('RSA-OAEP must name its digest (SHA-256)');
  requireAlgorithm(digest, ALGORITHM.oaepDigest, 'OAEP digest');
  const mgf = optionalChild(method, NS.xenc11, 'MGF');
  if (!mgf) throw policy('RSA-OAEP must name its mask generation function (MGF1-SHA256)');
  requireAlgorithm(mgf, ALGORITHM.oaepMgf, 'OAEP mask generation');
  const cipherValue = requiredChild(requiredChild(element, NS.xenc, 'CipherData'), NS.xenc, 'CipherValue');
  const list = optionalChild(element, NS.xenc, 'ReferenceList');
  const dataReferences = (list ? childElements(list, NS.xenc, 'DataReference') : [])
    .map((r) => attribute(r, null, 'URI') ?? '')
    .map((uri) => (uri.startsWith('#') ? uri.slice(1) : uri));
  return {
    element,
    id: attribute(element, null, 'Id'),
    token: tokenFromReference(optionalChild(element, NS.ds, 'KeyInfo'), ids, 'the EncryptedKey'),
    wrappedKey: base64Value(cipherValue, 'EncryptedKey CipherValue'),
    dataReferences,
  };
}

function readEncryptedData(element: Element): EncryptedDataModel {
  const id = attribute(element, null, 'Id');
  if (!id) throw new EbmsError('EBMS:0009', 'EncryptedData lacks an Id');
  if (attribute(element, null, 'Type') !== ALGORITHM.attachmentContentOnly) {
    throw policy('EncryptedData Type must be Attachment-Content-Only');
  }
  requireAlgorithm(requiredChild(element, NS.xenc, 'EncryptionMethod'), ALGORITHM.dataEncryption, 'payload encryption');
  const cipherReference = requiredChild(requiredChild(element, NS.xenc, 'CipherData'), NS.xenc, 'CipherReference');
  const uri = attribute(cipherReference, null, 'URI') ?? '';
  const transformsElement = optionalChild(cipherReference, NS.xenc, 'Transforms');
  const transforms = transformsElement ? childElements(transformsElement, NS.ds, 'Transform') : [];
  if (transforms.length !== 1) throw policy('CipherReference must carry the Attachment-Ciphertext-Transform');
  requireAlgorithm(transforms[0]!, ALGORITHM.attachmentCiphertextTransform, 'cipher reference transform');
  if (!uri.toLowerCase().startsWith('cid:')) throw policy(`CipherReference ${uri} does not point to an attachment`);
  let contentId: string;
  try {
    contentId = decodeURIComponent(uri.slice(4));
  } catch {
    throw new EbmsError('EBMS:0009', `CipherReference ${uri} is not a valid cid: URI`);
  }
  return { element, id, mimeType: attribute(element, null, 'MimeType'), contentId };
}

/**
 * Reads wsse:Security into a model, enforcing the pinned Peppol algorithm and token set on the way
 * (anything else → EBMS:0103). A missing signature is EBMS:0101.
 */
export function readSecurityHeader(security: Element | undefined, ids: Map<string, Element>, maxReferences: number): SecurityHeaderModel {
  if (!security) throw new EbmsError('EBMS:0101', 'the message has no wsse:Security header: it is not signed');
  const signatures = childElements(security, NS.ds, 'Signature');
  if (signatures.length === 0) throw new EbmsError('EBMS:0101', 'the message is not signed');
  if (signatures.length > 1) throw policy('more than one signature in the Security header');
  return {
    signature: readSignature(signatures[0]!, ids, maxReferences),
    encryptedKeys: childElements(security, NS.xenc, 'EncryptedKey').map((e) => readEncryptedKey(e, ids)),
    encryptedData: childElements(security, NS.xenc, 'EncryptedData').map(readEncryptedData),
  };
}
