import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { As4EndpointUrlError, As4HttpTransport } from '../../src/outbound/as4-http-transport.js';

describe('As4HttpTransport over loopback', () => {
  let server: Server;
  let base = '';
  let received = 0;
  const hanging: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let size = 0;
      req.on('data', (c: Buffer) => (size += c.length));
      req.on('end', () => {
        received = size;
        if (req.url === '/hang') return void hanging.push(res);
        if (req.url === '/huge') return void res.writeHead(200, { 'content-type': 'application/soap+xml' }).end(Buffer.alloc(200_000, 0x20));
        res.writeHead(200, { 'content-type': 'application/soap+xml' }).end(`<ok size="${size}"/>`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const transport = (over: Partial<ConstructorParameters<typeof As4HttpTransport>[0]> = {}) =>
    new As4HttpTransport({ connectTimeoutMs: 1_000, responseTimeoutMs: 300, maxResponseBytes: 65_536, allowHttp: true, maxConnections: 4, ...over });

  it('streams the request body and reads the reply with its content type', async () => {
    const t = transport();
    try {
      const body = Readable.from((function* () { for (let i = 0; i < 64; i++) yield Buffer.alloc(16_384, i); })());
      const result = await t.post({ url: `${base}/as4`, contentType: 'multipart/related; boundary="b"', body });
      expect(result).toMatchObject({ kind: 'response', status: 200, contentType: 'application/soap+xml' });
      expect(received).toBe(64 * 16_384);
    } finally {
      await t.close();
    }
  });

  it('gives up on a receiver that does not answer within the response timeout', async () => {
    const t = transport();
    try {
      const started = Date.now();
      const result = await t.post({ url: `${base}/hang`, contentType: 'text/plain', body: Readable.from([Buffer.from('x')]) });
      expect(result).toMatchObject({ kind: 'network-error', error: 'response-timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await t.close();
    }
  });

  it('stops reading a reply over the size bound', async () => {
    const t = transport();
    try {
      expect(await t.post({ url: `${base}/huge`, contentType: 'text/plain', body: Readable.from([Buffer.from('x')]) })).toMatchObject({ kind: 'too-large', status: 200 });
    } finally {
      await t.close();
    }
  });

  it('refuses plain http unless allowed, and URLs that are not http(s)', () => {
    expect(() => transport({ allowHttp: false }).checkUrl(`${base}/as4`)).toThrow(As4EndpointUrlError);
    expect(transport({ allowHttp: false }).checkUrl('https://ap.example/as4').protocol).toBe('https:');
    expect(() => transport().checkUrl('ftp://ap.example/as4')).toThrow(/must be http\(s\)/);
    expect(() => transport().checkUrl('not a url')).toThrow(/not an absolute URL/);
  });
});
