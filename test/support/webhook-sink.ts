import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A back end on loopback that keeps every webhook event it is sent (and answers 204). */
export class WebhookSink {
  readonly events: Array<{ type: string; data: Record<string, unknown> }> = [];
  /**
   * Every request as it came, in arrival order: headers (webhook-id, webhook-timestamp,
   * webhook-signature, traceparent) and the raw body, to check signatures and trace context.
   */
  readonly requests: Array<{ headers: IncomingHttpHeaders; body: string; event?: { type: string } }> = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: { headers: IncomingHttpHeaders; body: string; event?: { type: string } } = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(request);
        try {
          const event = JSON.parse(request.body) as { type: string; data: Record<string, unknown> };
          request.event = event;
          this.events.push(event);
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
