import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { Lifecycle } from '../http/lifecycle.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { As4Controller } from './as4.controller.js';
import { EbmsError } from './protocol/ebms-errors.js';
import type { ReceivePipeline, ReceiveReply } from './receive/receive-pipeline.js';

function recordingLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, logger: { info: at('info'), error: at('error'), warn: at('warn') } as unknown as Logger };
}

function fakeResponse() {
  const sent: { status?: number; headers: Record<string, string>; body?: Buffer } = { headers: {} };
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return res;
    },
    end(body: Buffer) {
      sent.body = body;
    },
  };
  return { res: res as unknown as Response, sent };
}

async function answer(reply: ReceiveReply) {
  const { lines, logger } = recordingLogger();
  const metrics = new MetricsService();
  const pipeline = { handle: async () => reply } as unknown as ReceivePipeline;
  const controller = new As4Controller(pipeline, new Lifecycle(), metrics, logger);
  const { res, sent } = fakeResponse();
  await controller.receive({ headers: {} } as Request, res);
  return { lines, sent, metrics: await metrics.registry.metrics() };
}

describe('As4Controller', () => {
  it('logs the cause of an internal failure at error level (never in the reply) and counts it by code', async () => {
    const cause = new Error('disk on fire');
    const error = new EbmsError('EBMS:0004', 'internal error while processing the message', undefined, { httpStatus: 500, cause });
    const { lines, sent, metrics } = await answer({ status: 500, contentType: 'application/soap+xml', body: Buffer.from('<e/>'), outcome: 'error', error, bodyConsumed: true, tolerated: [] });
    expect(sent.status).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ err: cause, outcome: 'EBMS:0004' }) })]);
    expect(metrics).toMatch(/peppol_ap_as4_inbound_total\{outcome="EBMS:0004"\} 1/);
  });

  it('counts refusals by their ebMS code and tolerated deviations by name', async () => {
    const refused = await answer({
      status: 400,
      contentType: 'application/soap+xml',
      body: Buffer.from('<e/>'),
      outcome: 'error',
      error: new EbmsError('EBMS:0007', 'bad MIME'),
      bodyConsumed: true,
      tolerated: [],
    });
    expect(refused.lines[0]).toMatchObject({ level: 'info', message: 'AS4 message rejected' });
    expect(refused.metrics).toMatch(/peppol_ap_as4_inbound_total\{outcome="EBMS:0007"\} 1/);
    const accepted = await answer({ status: 200, contentType: 'application/soap+xml', body: Buffer.from('<r/>'), outcome: 'receipt', bodyConsumed: true, tolerated: ['bare-lf'] });
    expect(accepted.metrics).toMatch(/peppol_ap_as4_inbound_tolerated_total\{deviation="bare-lf"\} 1/);
    expect(accepted.lines[0]).toMatchObject({ level: 'info', fields: expect.objectContaining({ tolerated: ['bare-lf'] }) });
  });
});
