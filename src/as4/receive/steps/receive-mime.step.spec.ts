import { readFile } from 'node:fs/promises';
import { tmpdir as osTmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createInboundContext } from '../receive-context.js';
import { TempWorkspaces as Workspaces } from '../../io/temp-workspace.js';
import { readContent } from '../../io/content.js';
import { multipartToBuffer, writeMultipartRelated } from '../../mime/multipart-writer.js';
import { ReceiveMimeStep } from './receive-mime.step.js';

const contextFor = async (body: Buffer, contentType: string) =>
  createInboundContext({ receivedAt: new Date(), contentType, body: Readable.from([body]), workspace: await new Workspaces(osTmpdir()).create() });
const limits = { maxBodyBytes: 1_000_000, maxMimeParts: 4, maxPartHeaderBytes: 1024, maxSoapBytes: 10_000, spillThresholdBytes: 1000 };
const soap = { headers: { 'Content-Type': 'application/soap+xml;charset=UTF-8' }, body: Buffer.from('<S12:Envelope/>') };
const attachment = (id: string, size: number) => ({
  headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': `<${id}>`, 'Content-Transfer-Encoding': 'binary' },
  body: Buffer.alloc(size, 7),
});

async function receive(parts: Parameters<typeof writeMultipartRelated>[0], contentType?: string, l = limits) {
  const mime = writeMultipartRelated(parts);
  const body = await multipartToBuffer(mime);
  const ctx = await contextFor(body, contentType ?? mime.contentType);
  try {
    await new ReceiveMimeStep(l).run(ctx);
    return { ctx, body };
  } finally {
    if (ctx.raw?.path) expect((await readFile(ctx.raw.path)).equals(body)).toBe(true);
    await ctx.workspace.dispose();
  }
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string; httpStatus?: number }) => `${e.code}/${e.httpStatus}`);

describe('ReceiveMimeStep', () => {
  it('keeps the raw body, the SOAP root and attachments (small in memory, large spilled to a file)', async () => {
    const mime = writeMultipartRelated([soap, attachment('small@cid', 10), attachment('large@cid', 5000)]);
    const body = await multipartToBuffer(mime);
    const ctx = await contextFor(body, mime.contentType);
    await new ReceiveMimeStep(limits).run(ctx);
    expect(ctx.soapPart?.toString()).toBe('<S12:Envelope/>');
    expect(ctx.attachments.map((a) => a.contentId)).toEqual(['small@cid', 'large@cid']);
    expect(ctx.attachments[0]!.content.path).toBeUndefined();
    expect(ctx.attachments[1]!.content.path).toBeDefined();
    expect((await readContent(ctx.attachments[1]!.content, 10_000)).equals(Buffer.alloc(5000, 7))).toBe(true);
    expect((await readContent(ctx.raw!, 1_000_000)).equals(body)).toBe(true);
    await ctx.workspace.dispose();
  });

  it.each([
    ['SOAP 1.1 request', 'text/xml; charset=utf-8', 'EBMS:0010/400'],
    ['SOAP 1.1 root type', 'multipart/related; boundary="b"; type="text/xml"', 'EBMS:0010/400'],
    ['bare SOAP 1.2 without attachments', 'application/soap+xml', 'EBMS:0007/400'],
    ['not multipart', 'application/json', 'EBMS:0007/400'],
    ['no boundary', 'multipart/related; type="application/soap+xml"', 'EBMS:0007/400'],
    ['no Content-Type', '', 'EBMS:0007/400'],
  ])('%s → %s', async (_n, contentType, expected) => {
    expect(await codeOf(receive([soap, attachment('a@b', 10)], contentType))).toBe(expected);
  });

  it('refuses a body over the limit with 413, a big SOAP part, and too many parts', async () => {
    expect(await codeOf(receive([soap, attachment('a@b', 5000)], undefined, { ...limits, maxBodyBytes: 2000 }))).toBe('EBMS:0004/413');
    expect(await codeOf(receive([{ ...soap, body: Buffer.alloc(20_000, 0x20) }, attachment('a@b', 1)]))).toBe('EBMS:0009/413');
    expect(await codeOf(receive([soap, ...['1', '2', '3', '4', '5'].map((i) => attachment(`${i}@c`, 1))]))).toBe('EBMS:0007/400');
  });

  it('refuses a declared Content-Length over the limit before reading, and a body cut short', async () => {
    const mime = writeMultipartRelated([soap, attachment('a@b', 10)]);
    const body = await multipartToBuffer(mime);
    const early = createInboundContext({ receivedAt: new Date(), contentType: mime.contentType, declaredLength: 5_000_000, body: Readable.from([body]), workspace: await new Workspaces(osTmpdir()).create() });
    expect(await codeOf(new ReceiveMimeStep(limits).run(early))).toBe('EBMS:0004/413');
    expect(early.raw).toBeUndefined();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const cut = createInboundContext({
      receivedAt: new Date(),
      contentType: mime.contentType,
      body: (async function* () { yield body.subarray(0, 100); throw reset; })(),
      workspace: await new Workspaces(osTmpdir()).create(),
    });
    expect(await codeOf(new ReceiveMimeStep(limits).run(cut))).toBe('EBMS:0007/400');
  });

  it('refuses attachments without Content-ID, with an unknown transfer encoding, or repeated ids', async () => {
    expect(await codeOf(receive([soap, { headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from('x') }]))).toBe('EBMS:0007/400');
    const biniry = attachment('a@b', 3);
    expect(await codeOf(receive([soap, { ...biniry, headers: { ...biniry.headers, 'Content-Transfer-Encoding': 'biniry' } }]))).toBe('EBMS:0007/400');
    expect(await codeOf(receive([soap, attachment('a@b', 1), attachment('a@b', 1)]))).toBe('EBMS:0007/400');
  });

  it('decodes base64 and quoted-printable attachments (spilled or not) and keeps the raw body as sent', async () => {
    const plain = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const b64 = { headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': '<b64@x>', 'Content-Transfer-Encoding': 'BASE64' }, body: Buffer.from(plain.toString('base64').replace(/.{76}/g, '$&\r\n')) };
    const qp = { headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': '<qp@x>', 'Content-Transfer-Encoding': 'Quoted-Printable' }, body: Buffer.from('caf=C3=A9 =\r\nau lait=0D=0A') };
    const mime = writeMultipartRelated([soap, b64, qp]);
    const body = await multipartToBuffer(mime);
    const ctx = await contextFor(body, mime.contentType);
    await new ReceiveMimeStep(limits).run(ctx);
    expect((await readContent(ctx.attachments[0]!.content, 10_000)).equals(plain)).toBe(true);
    expect(ctx.attachments[0]!.content.path).toBeDefined();
    expect((await readContent(ctx.attachments[1]!.content, 10_000)).toString('utf8')).toBe('café au lait\r\n');
    expect((await readContent(ctx.raw!, 1_000_000)).equals(body)).toBe(true);
    await ctx.workspace.dispose();
  });

  it('refuses base64 with characters outside the alphabet or cut short', async () => {
    const bad = (body: string) => ({ headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': '<a@b>', 'Content-Transfer-Encoding': 'base64' }, body: Buffer.from(body) });
    expect(await codeOf(receive([soap, bad('QUJD*RA==')]))).toBe('EBMS:0007/400');
    expect(await codeOf(receive([soap, bad('QUJDR')]))).toBe('EBMS:0007/400');
    expect(await codeOf(receive([soap, bad('QQ==QUJD')]))).toBe('EBMS:0007/400');
  });

  it('finds the root by the start parameter, with or without angle brackets, wherever it is', async () => {
    const root = { headers: { ...soap.headers, 'Content-ID': '<root@x>' }, body: soap.body };
    const mime = writeMultipartRelated([attachment('a@b', 10), root]);
    const body = await multipartToBuffer(mime);
    for (const start of ['"<root@x>"', 'root@x', '<root@x>']) {
      const ctx = await contextFor(body, `${mime.contentType}; start=${start}`);
      await new ReceiveMimeStep(limits).run(ctx);
      expect(ctx.soapPart?.toString()).toBe('<S12:Envelope/>');
      expect(ctx.attachments.map((a) => a.contentId)).toEqual(['a@b']);
      await ctx.workspace.dispose();
    }
    const missing = await contextFor(body, `${mime.contentType}; start="<other@x>"`);
    expect(await codeOf(new ReceiveMimeStep(limits).run(missing))).toBe('EBMS:0007/400');
  });
});
