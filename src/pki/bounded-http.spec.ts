import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedHttpClient, HttpFetchError } from './bounded-http.js';

describe('BoundedHttpClient', () => {
  let server: Server;
  let base: string;
  const http = new BoundedHttpClient();
  const get = (path: string, maxBytes = 1_000, timeoutMs = 2_000) => http.request({ method: 'GET', url: `${base}${path}`, maxBytes, timeoutMs });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/small') res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      else if (req.url === '/declared-big') res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
      else if (req.url === '/chunked-big') {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(500));
        res.end();
      } else if (req.url === '/slow') setTimeout(() => res.end('late'), 1_000);
      else if (req.url === '/redirect') res.writeHead(302, { location: '/small' }).end();
      else if (req.method === 'POST') req.pipe(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('returns status, headers and body', async () => {
    const response = await get('/small');
    expect(response).toMatchObject({ status: 200, contentType: 'text/plain' });
    expect(response.body.toString()).toBe('hello');
    const echoed = await http.request({ method: 'POST', url: `${base}/echo`, body: new Uint8Array([1, 2, 3]), maxBytes: 10, timeoutMs: 2_000 });
    expect([...echoed.body]).toEqual([1, 2, 3]);
  });

  it('refuses bodies above the cap, declared or streamed', async () => {
    await expect(get('/declared-big')).rejects.toThrow(/answered 5000 bytes, more than the 1000 allowed/);
    await expect(get('/chunked-big')).rejects.toThrow(/more than the 1000 bytes allowed/);
  });

  it('gives up after the timeout', async () => {
    await expect(get('/slow', 1_000, 200)).rejects.toThrow(/no answer within 200 ms/);
  });

  it('does not follow redirects by itself and refuses other schemes', async () => {
    const response = await get('/redirect');
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/small');
    await expect(http.request({ method: 'GET', url: 'file:///etc/passwd', maxBytes: 10, timeoutMs: 100 })).rejects.toThrow(HttpFetchError);
    await expect(http.request({ method: 'GET', url: 'not a url', maxBytes: 10, timeoutMs: 100 })).rejects.toThrow(/invalid URL/);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(http.request({ method: 'GET', url: `http://127.0.0.1:${port}/`, maxBytes: 10, timeoutMs: 2_000 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
