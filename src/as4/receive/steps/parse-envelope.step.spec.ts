import { tmpdir as osTmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createInboundContext } from '../receive-context.js';
import { TempWorkspaces as Workspaces } from '../../io/temp-workspace.js';
import { NS } from '../../protocol/namespaces.js';
import { ParseEnvelopeStep } from './parse-envelope.step.js';

const contextFor = async (body: Buffer, contentType: string) =>
  createInboundContext({ receivedAt: new Date(), contentType, body: Readable.from([body]), workspace: await new Workspaces(osTmpdir()).create() });
const limits = { maxBytes: 100_000, maxDepth: 32, maxElements: 1000 };
const envelope = (header: string, body = '') =>
  `<S12:Envelope xmlns:S12="${NS.soap12}" xmlns:eb="${NS.eb}" xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}"><S12:Header>${header}</S12:Header><S12:Body wsu:Id="b1">${body}</S12:Body></S12:Envelope>`;
const messaging = (inner = '<eb:UserMessage><eb:MessageInfo><eb:MessageId>m@x</eb:MessageId></eb:MessageInfo></eb:UserMessage>', mu = 'true') =>
  `<eb:Messaging S12:mustUnderstand="${mu}" wsu:Id="m1">${inner}</eb:Messaging>`;

async function parse(xml: string) {
  const ctx = await contextFor(Buffer.alloc(0), '');
  ctx.soapPart = Buffer.from(xml);
  try {
    await new ParseEnvelopeStep(limits).run(ctx);
    return { ctx, code: 'accepted' };
  } catch (error) {
    return { ctx, code: (error as { code: string }).code };
  } finally {
    await ctx.workspace.dispose();
  }
}

describe('ParseEnvelopeStep', () => {
  it('locates Messaging, UserMessage, Security and Body, and notes the MessageId', async () => {
    const { ctx, code } = await parse(envelope(`<wsse:Security S12:mustUnderstand="true"/>${messaging()}`));
    expect(code).toBe('accepted');
    expect(ctx.soap?.userMessage.localName).toBe('UserMessage');
    expect(ctx.soap?.security?.localName).toBe('Security');
    expect(ctx.messageIdHint).toBe('m@x');
  });

  it.each([
    ['SOAP 1.1 envelope', `<E:Envelope xmlns:E="${NS.soap11}"><E:Header/><E:Body/></E:Envelope>`, 'EBMS:0010'],
    ['no Messaging', envelope(''), 'EBMS:0009'],
    ['two Messaging headers', envelope(messaging() + messaging().replace('m1', 'm2')), 'EBMS:0009'],
    ['UserMessage plus SignalMessage', envelope(messaging('<eb:UserMessage/><eb:SignalMessage/>')), 'EBMS:0003'],
    ['Messaging without mustUnderstand', envelope(messaging(undefined, 'false')), 'EBMS:0009'],
    ['unknown mustUnderstand header', envelope(`${messaging()}<x:Other xmlns:x="urn:x" S12:mustUnderstand="true"/>`), 'EBMS:0009'],
    ['payload in the Body', envelope(messaging(), '<Order/>'), 'EBMS:0009'],
    ['duplicate ids', envelope(messaging()).replace('wsu:Id="b1"', 'wsu:Id="m1"'), 'EBMS:0101'],
    ['DOCTYPE', `<!DOCTYPE x>${envelope(messaging())}`, 'EBMS:0009'],
    ['not well-formed', envelope(messaging()).slice(0, -5), 'EBMS:0009'],
  ])('%s → %s', async (_n, xml, code) => {
    expect((await parse(xml)).code).toBe(code);
  });
});
