import { createHash, sign, type KeyObject } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { decryptAesGcm } from '../../../src/as4/crypto/aes-gcm.js';
import { unwrapKeyRsaOaep } from '../../../src/as4/crypto/rsa-oaep.js';
import type { BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { NS } from '../../../src/as4/protocol/namespaces.js';
import { canonicalizeExclusive } from '../../../src/as4/xml/exc-c14n.js';

/**
 * Negative AS4 fixtures made from a correct message: each function takes a message the production
 * builder made and returns a copy carrying one deliberate fault. The builder itself knows no faults.
 */

export const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';

const SIGNATURE_HASHES: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  [RSA_SHA1]: 'sha1',
};

type Part = 'messaging' | 'body' | 'attachment';

/** The message without its ds:Signature and the certificate token it referenced. */
export function withoutSignature(message: BuiltUserMessage): BuiltUserMessage {
  return edited(message, (doc) => {
    const signature = only(doc, NS.ds, 'Signature');
    removeToken(doc, signature);
    signature.parentNode!.removeChild(signature);
  });
}

/**
 * The message with its attachment in the clear: decrypted with the receiver's key, the encryption
 * header blocks removed. The signature stays valid (it covers the plain attachment, not the header).
 */
export function withoutEncryption(message: BuiltUserMessage, receiverKey: KeyObject): BuiltUserMessage {
  let contentType = '';
  let contentKey: Buffer | undefined;
  const out = edited(message, (doc) => {
    const encryptedKey = only(doc, NS.xenc, 'EncryptedKey');
    const encryptedData = only(doc, NS.xenc, 'EncryptedData');
    contentKey = unwrapKeyRsaOaep(Buffer.from(only(encryptedKey, NS.xenc, 'CipherValue').textContent!.trim(), 'base64'), receiverKey);
    contentType = encryptedData.getAttribute('MimeType')!;
    removeToken(doc, encryptedKey);
    for (const element of [encryptedKey, encryptedData]) element.parentNode!.removeChild(element);
  });
  const [attachment] = message.attachments;
  return { ...out, attachments: [{ contentId: attachment!.contentId, contentType, bytes: decryptAesGcm(contentKey!, attachment!.bytes) }] };
}

export interface Resigning {
  /** Changes the envelope before it is signed again (the signature then covers the change). */
  readonly edit?: (doc: Document) => void;
  /** The parts the new signature covers (default: all three). */
  readonly cover?: readonly Part[];
  /** SignatureMethod URI (default: the one the message was signed with). */
  readonly signatureMethod?: string;
}

/**
 * The message changed and signed again with the sender's key, so that the fault is the change itself
 * and not a broken signature: e.g. another AgreementRef, a missing property, fewer signed parts, or
 * a signature algorithm the profile does not allow.
 */
export function resigned(message: BuiltUserMessage, signingKey: KeyObject, resigning: Resigning): BuiltUserMessage {
  const cover = resigning.cover ?? ['messaging', 'body', 'attachment'];
  return edited(message, (doc) => {
    resigning.edit?.(doc);
    const signedInfo = only(doc, NS.ds, 'SignedInfo');
    for (const reference of elements(signedInfo, NS.ds, 'Reference')) {
      const uri = reference.getAttribute('URI')!;
      if (!cover.includes(partOf(doc, uri))) {
        signedInfo.removeChild(reference);
        continue;
      }
      if (!uri.startsWith('#')) continue; // the attachment is unchanged: its digest stands
      const target = elements(doc.documentElement, '*', '*').find((e) => e.getAttributeNS(NS.wsu, 'Id') === uri.slice(1))!;
      const digest = createHash('sha256').update(canonicalizeExclusive(target, prefixListOf(reference))).digest('base64');
      only(reference, NS.ds, 'DigestValue').textContent = digest;
    }
    const method = only(signedInfo, NS.ds, 'SignatureMethod');
    if (resigning.signatureMethod) method.setAttribute('Algorithm', resigning.signatureMethod);
    const hash = SIGNATURE_HASHES[method.getAttribute('Algorithm')!]!;
    const value = sign(hash, Buffer.from(canonicalizeExclusive(signedInfo, prefixListOf(only(signedInfo, NS.ds, 'CanonicalizationMethod'))), 'utf8'), signingKey);
    only(doc, NS.ds, 'SignatureValue').textContent = value.toString('base64');
  });
}

/** Removes the eb:Property of that name from the envelope (an edit for `resigned`). */
export function removeProperty(name: string): (doc: Document) => void {
  return (doc) => {
    const property = elements(doc.documentElement, NS.eb, 'Property').find((p) => p.getAttribute('name') === name)!;
    property.parentNode!.removeChild(property);
  };
}

/** Sets the text of the envelope's single element of that ebMS name (an edit for `resigned`). */
export function setEbmsText(localName: string, text: string): (doc: Document) => void {
  return (doc) => {
    only(doc, NS.eb, localName).textContent = text;
  };
}

function edited(message: BuiltUserMessage, edit: (doc: Document) => void): BuiltUserMessage {
  const doc = new DOMParser().parseFromString(message.soapXml, 'application/xml');
  edit(doc);
  const signedReferences = elements(doc.documentElement, NS.ds, 'Reference').map((r) => ({
    uri: r.getAttribute('URI') ?? '',
    digestValue: only(r, NS.ds, 'DigestValue').textContent ?? '',
  }));
  return { ...message, soapXml: new XMLSerializer().serializeToString(doc), signedReferences };
}

function partOf(doc: Document, uri: string): Part {
  if (uri.startsWith('cid:')) return 'attachment';
  const messaging = only(doc, NS.eb, 'Messaging');
  return messaging.getAttributeNS(NS.wsu, 'Id') === uri.slice(1) ? 'messaging' : 'body';
}

/** Removes the wsse:BinarySecurityToken an element's KeyInfo refers to. */
function removeToken(doc: Document, referrer: Element): void {
  const tokenId = only(only(referrer, NS.ds, 'KeyInfo'), NS.wsse, 'Reference').getAttribute('URI')!.slice(1);
  const token = elements(doc.documentElement, NS.wsse, 'BinarySecurityToken').find((t) => t.getAttributeNS(NS.wsu, 'Id') === tokenId)!;
  token.parentNode!.removeChild(token);
}

function prefixListOf(element: Element): string[] {
  const inclusive = elements(element, NS.ec, 'InclusiveNamespaces')[0];
  return inclusive?.getAttribute('PrefixList')?.split(/\s+/).filter(Boolean) ?? [];
}

function elements(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

function only(root: Document | Element, ns: string, localName: string): Element {
  const found = elements(root, ns, localName);
  if (found.length !== 1) throw new Error(`expected one ${localName}, found ${found.length}`);
  return found[0]!;
}
