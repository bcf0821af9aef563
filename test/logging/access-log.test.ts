import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { accessLog, correlateRequests } from '../../src/logging/access-log.js';
import { createRootLogger } from '../../src/logging/logger.js';

/** The API's request middleware (as the bootstrap mounts it) in front of a few routes, logging to memory. */
async function serve(level: string): Promise<{ base: string; lines: () => Array<Record<string, unknown>>; server: Server }> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createRootLogger('api', level, sink);
  const app = express();
  app.use(correlateRequests());
  app.use(accessLog(logger));
  app.get('/health/ready', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/metrics', (_req, res) => void res.type('text/plain').send('# none'));
  app.get('/admin/messages', (_req, res) => {
    logger.info('looking messages up');
    res.json({ data: [] });
  });
  app.get('/fails', (_req, res) => void res.status(503).json({ title: 'away' }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server, lines: () => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('HTTP access log', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('writes one info line per request with its correlation id, and nothing secret', async () => {
    const api = await serve('info');
    server = api.server;
    const response = await fetch(`${api.base}/admin/messages?key=query-secret-1`, {
      headers: { authorization: 'Bearer bearer-secret-2', 'x-api-key': 'api-key-secret-3', 'x-correlation-id': 'corr-42' },
    });
    expect(response.status).toBe(200);
    await fetch(`${api.base}/fails`, { headers: { 'x-correlation-id': 'corr-43' } });
    await fetch(`${api.base}/health/ready`);
    await fetch(`${api.base}/metrics`);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const lines = api.lines();
    const access = lines.filter((line) => line.res !== undefined);
    expect(access).toEqual([
      expect.objectContaining({ level: 'info', correlationId: 'corr-42', msg: 'GET /admin/messages 200', req: { method: 'GET', path: '/admin/messages' }, res: { statusCode: 200 }, responseTime: expect.any(Number) }),
      expect.objectContaining({ level: 'info', correlationId: 'corr-43', msg: 'GET /fails 503', res: { statusCode: 503 } }),
    ]);
    // The handler's own line carries the same id as the access line.
    expect(lines.find((line) => line.msg === 'looking messages up')).toMatchObject({ level: 'info', correlationId: 'corr-42' });
    const all = JSON.stringify(lines);
    for (const secret of ['query-secret-1', 'bearer-secret-2', 'api-key-secret-3']) expect(all).not.toContain(secret);
  });

  it('logs health and metrics probes at debug only', async () => {
    const api = await serve('debug');
    server = api.server;
    await fetch(`${api.base}/health/ready`);
    await fetch(`${api.base}/metrics`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.lines().map((line) => [line.level, line.msg])).toEqual([
      ['debug', 'GET /health/ready 200'],
      ['debug', 'GET /metrics 200'],
    ]);
  });
});
