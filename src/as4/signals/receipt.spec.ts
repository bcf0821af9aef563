import { createPrivateKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDevPki, type DevPki } from '../../pki/dev-pki.js';
import { EbmsError } from '../protocol/ebms-errors.js';
import { NS } from '../protocol/namespaces.js';
import { parseSafeXml } from '../xml/safe-xml.js';
import { buildErrorSignal } from './error-signal-builder.js';
import { buildReceipt } from './receipt-builder.js';
import { verifyReply } from './receipt-verifier.js';

const limits = { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 };
let pki: DevPki;
const creds = (e: DevPki['ourAp']) => ({ privateKey: createPrivateKey(e.keyPem), certificate: new X509Certificate(e.certPem) });

beforeAll(async () => {
  pki = await createDevPki();
});

/** A SignedInfo as a sender would have produced it (two references). */
function receivedReferences(): Element[] {
  const xml =
    `<ds:SignedInfo xmlns:ds="${NS.ds}" xmlns:ec="${NS.ec}">` +
    `<ds:Reference URI="#msg-1"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"><ec:InclusiveNamespaces PrefixList="S12"/></ds:Transform></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>` +
    `<ds:Reference URI="cid:att@cid"><ds:Transforms><ds:Transform Algorithm="http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>BBBB</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
  return Array.from(parseSafeXml(xml, limits).getElementsByTagNameNS(NS.ds, 'Reference'));
}

const sent = [
  { uri: '#msg-1', digestValue: 'AAAA' },
  { uri: 'cid:att@cid', digestValue: 'BBBB' },
];

describe('receipt signal', () => {
  it('is signed by the receiver and verifies on the sender side', async () => {
    const receipt = await buildReceipt({ refToMessageId: 'm-1@x', receivedReferences: receivedReferences(), signer: creds(pki.ourAp), now: new Date(), messageIdDomain: 'us.test' });
    const outcome = await verifyReply(receipt.xml, { sentMessageId: 'm-1@x', sentReferences: sent, limits, checkCertificate: async () => undefined });
    expect(outcome).toMatchObject({ kind: 'receipt', receiptMessageId: receipt.messageId });
  });

  it('is refused when tampered, for another message, or missing a reference', async () => {
    const receipt = await buildReceipt({ refToMessageId: 'm-1@x', receivedReferences: receivedReferences(), signer: creds(pki.ourAp), now: new Date(), messageIdDomain: 'us.test' });
    const check = { sentMessageId: 'm-1@x', sentReferences: sent, limits, checkCertificate: async () => undefined };
    await expect(verifyReply(receipt.xml.replace('BBBB', 'CCCC'), check)).rejects.toMatchObject({ code: 'EBMS:0302' });
    await expect(verifyReply(receipt.xml, { ...check, sentMessageId: 'other@x' })).rejects.toMatchObject({ code: 'EBMS:0302' });
    await expect(verifyReply(receipt.xml, { ...check, sentReferences: [...sent, { uri: '#body-1', digestValue: 'DDDD' }] })).rejects.toMatchObject({ code: 'EBMS:0302' });
    await expect(verifyReply(receipt.xml, { ...check, checkCertificate: async () => { throw new Error('untrusted'); } })).rejects.toBeInstanceOf(EbmsError);
  });
});

describe('error signal', () => {
  it('carries code, severity, category and ErrorDetail, unsigned or signed', async () => {
    const error = new EbmsError('EBMS:0004', 'PEPPOL:NOT_SERVICED', 'm-2@x', { description: 'receiver not served' });
    const unsigned = await buildErrorSignal({ errors: [error], refToMessageId: 'm-2@x', now: new Date(), messageIdDomain: 'us.test' });
    const outcome = await verifyReply(unsigned.xml, { sentMessageId: 'm-2@x', sentReferences: [], limits, checkCertificate: async () => undefined });
    expect(outcome).toEqual({
      kind: 'error',
      signed: false,
      errors: [{ code: 'EBMS:0004', severity: 'failure', shortDescription: 'Other', detail: 'PEPPOL:NOT_SERVICED', description: 'receiver not served' }],
    });
    const signed = await buildErrorSignal({ errors: [error], now: new Date(), messageIdDomain: 'us.test', signer: creds(pki.ourAp) });
    expect(signed.xml).toContain('SignatureValue');
    expect(signed.xml).toContain('category="Content"');
  });

  it('never echoes a control character from the input: shown as \\xNN, the reply stays XML', async () => {
    const error = new EbmsError('EBMS:0009', 'bad\u0001value\u0000here', undefined, { description: 'header X: a\u0001b\u001b' });
    const signal = await buildErrorSignal({ errors: [error], refToMessageId: 'id\u0001@x', now: new Date(), messageIdDomain: 'us.test' });
    expect(signal.xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const outcome = await verifyReply(signal.xml, { sentMessageId: 'id\ufffd@x', sentReferences: [], limits, checkCertificate: async () => undefined });
    expect(outcome.kind === 'error' && outcome.errors[0]).toMatchObject({ description: 'header X: a\\x01b\\x1b', detail: 'bad\\x01value\\x00here' });
  });
});
