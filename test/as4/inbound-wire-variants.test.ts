import { createHash, createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { verifyReply } from '../../src/as4/signals/receipt-verifier.js';
import { createScenario, sbdFor, type Scenario } from './support/scenario.js';
import { wireVariants, type WireVariant } from './support/wire-variants.js';

const limits = { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 };

/**
 * The legal wire forms other access points send (and bare LF line ends, tolerated), each built from
 * a correctly signed message: accepted with a receipt whose signature and NRI the sender verifies,
 * the raw body stored as received and the SBD exactly as signed.
 */
describe('AS4 inbound: wire variants of other stacks, one fixture per variant', () => {
  let s: Scenario;
  const variants: Array<{ variant: WireVariant; payload: Buffer; messageId: string }> = [];

  beforeAll(async () => {
    s = await createScenario();
    const names = wireVariants(s.build(), createPrivateKey(s.pki.partnerAp.keyPem)).map((v) => v.name);
    for (const name of names) {
      const payload = sbdFor();
      const message = s.build({ payload });
      const variant = wireVariants(message, createPrivateKey(s.pki.partnerAp.keyPem)).find((v) => v.name === name)!;
      variants.push({ variant, payload, messageId: message.messageId });
    }
  });

  it('has one fixture per variant, each named after it', () => {
    expect(variants.map((v) => v.variant.name)).toEqual(wireVariantNames());
    expect(new Set(wireVariantNames()).size).toBe(variants.length);
  });

  it('we still send the strict form: no preamble, CRLF line ends, every part binary, the close delimiter last', async () => {
    const mime = toMultipart(s.build());
    const text = (await multipartToBuffer(mime)).toString('latin1');
    expect(text.startsWith(`--${mime.boundary}\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Transfer-Encoding: binary\r\n\r\n<?xml`)).toBe(true);
    expect(text.endsWith(`\r\n--${mime.boundary}--\r\n`)).toBe(true);
    const headerBlocks = text.split(`--${mime.boundary}`).slice(1, -1).map((part) => part.slice(0, part.indexOf('\r\n\r\n')));
    expect(headerBlocks.map((h) => /Content-Transfer-Encoding: binary/.test(h))).toEqual([true, true]);
    expect(headerBlocks.join('').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it.each(wireVariantNames())('%s', async (name) => {
    const { variant, payload, messageId } = variants.find((v) => v.variant.name === name)!;
    const reply = await s.send(variant.body, variant.contentType);
    expect(reply.error?.description).toBeUndefined();
    expect(reply.outcome).toBe('receipt');
    expect(reply.tolerated).toEqual(variant.tolerated ? [variant.tolerated] : []);
    const outcome = await verifyReply(reply.body, { sentMessageId: messageId, sentReferences: variant.signedReferences, limits, checkCertificate: async () => undefined });
    expect(outcome.kind).toBe('receipt');
    const stored = [...s.store.records.values()].find((r) => r.message.key.messageId === messageId)!;
    expect(stored.raw.equals(variant.body)).toBe(true);
    expect(createHash('sha256').update(stored.sbd).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
  });
});

/** The names, known before the scenario exists (it.each needs them at collection time). */
function wireVariantNames(): string[] {
  return [
    'strict-form-as-we-send-it',
    'preamble-text',
    'preamble-leading-crlf',
    'epilogue-text',
    'close-delimiter-without-crlf',
    'transport-padding-after-delimiters',
    'bare-lf-line-breaks',
    'attachment-base64',
    'attachment-base64-one-line',
    'attachment-quoted-printable',
    'attachment-8bit',
    'attachment-without-transfer-encoding',
    'soap-part-base64',
    'soap-part-quoted-printable',
    'soap-part-8bit-charset-quoted',
    'header-names-lower-case',
    'header-names-upper-case-and-extra-headers',
    'headers-folded',
    'content-type-parameters-reordered-and-unquoted',
    'start-parameter-names-the-root',
    'root-after-the-attachment-named-by-start',
    'content-id-without-angle-brackets',
    'soap-utf8-bom',
    'xml-declaration-single-quotes-standalone',
    'no-xml-declaration',
    'comment-inside-signed-message-id',
    'security-header-must-understand-1',
    'extra-security-header-for-another-role',
    'encrypted-data-mime-type-of-the-payload',
    'other-stack-prefixes-signed-so',
    'other-stack-indentation-signed-so',
  ];
}
