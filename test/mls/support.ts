import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildMls } from '../../src/mls/mls-builder.js';
import type { MessageLevelStatus } from '../../src/mls/mls-model.js';

/** An MLS as another access point (seat PDK000001, SPID 000001) would send it to us (000002). */
export function mlsAbout(instanceId: string, change: Partial<MessageLevelStatus> = {}): Buffer {
  return Buffer.from(
    buildMls({
      id: `mls-${instanceId}`,
      issueDate: '2026-07-01',
      issueTime: '10:00:00Z',
      senderSpid: '000001',
      receiverSpid: '000002',
      responseCode: 'RE',
      description: 'Rejected by validation: 2 business rule errors',
      referencedInstanceId: instanceId,
      issues: [
        { reason: 'BV', location: '/Order/cbc:ID', description: '[PEPPOL-T01-R001] an id', ruleId: 'PEPPOL-T01-R001' },
        { reason: 'BV', location: '/Order/cac:OrderLine[1]', description: '[PEPPOL-T01-R003] a quantity', ruleId: 'PEPPOL-T01-R003' },
      ],
      ...change,
    }),
    'utf8',
  );
}

/** A back end on loopback that keeps every webhook event it is sent (and answers 204). */
export class WebhookSink {
  readonly events: Array<{ type: string; data: Record<string, unknown> }> = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: Record<string, unknown> });
        } catch {
          // Kept out: the test looks for well-formed events only.
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  of(type: string) {
    return this.events.filter((e) => e.type === type);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
