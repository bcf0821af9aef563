import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from '../common/clock.js';
import { assertWebhookSecret } from '../delivery/webhook/secret.js';
import { JsonLinesEventStore } from './event-store.js';
import { controlRequestSchema, FaultInjector } from './fault-injector.js';
import { ORDER_EVENT_TYPES, orderSummary, renderOrdersPage } from './orders-page.js';
import type { SampleOmsConfig } from './sample-oms.config.js';
import { WebhookReceiver } from './webhook-receiver.js';

export type SampleOmsOptions = Omit<SampleOmsConfig, 'secret'> & { secret: string };

const MAX_CONTROL_BODY = 4 * 1024;
const MAX_LIST_LIMIT = 1_000;

class BodyTooLargeError extends Error {}

/**
 * The sample OMS: receives our webhooks on `POST /webhooks`, verifies and stores them, and shows
 * them on `/` (HTML), `/orders` and `/events` (JSON). `/_control` injects faults when enabled.
 */
export class SampleOmsServer {
  private readonly store: JsonLinesEventStore;
  private readonly receiver: WebhookReceiver;
  private readonly faults = new FaultInjector();
  private server: Server | null = null;
  private port: number;
  private reopenTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private started = false;

  constructor(
    private readonly options: SampleOmsOptions,
    clock: Pick<Clock, 'now'> = new Clock(),
  ) {
    assertWebhookSecret(options.secret);
    this.port = options.port;
    this.store = new JsonLinesEventStore(options.dataDir, {
      maxEvents: options.maxEvents,
      recentEvents: options.recentEvents,
    });
    this.receiver = new WebhookReceiver(options.secret, this.store, clock);
  }

  /** Loads stored events, starts listening and returns the base URL (no trailing slash). */
  async start(): Promise<{ url: string; loaded: number; skippedLines: number }> {
    if (this.started) throw new Error('this sample OMS was already started; create a new one to restart');
    this.started = true;
    const { loaded, skippedLines } = await this.store.open();
    await this.listen();
    return { url: this.baseUrl(), loaded, skippedLines };
  }

  baseUrl(): string {
    return `http://${this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host}:${this.port}`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    await this.closeListener();
    await this.store.close();
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((error: Error) => {
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: error.message.slice(0, 200) });
        else res.destroy();
      });
    });
    server.requestTimeout = 150_000;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.options.host, () => {
        server.off('error', reject);
        this.port = (server.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
    });
  }

  private async closeListener(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** `down`: refuse connections for a while (the listener is closed), then listen again. */
  private goDown(forMs: number): void {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    void this.closeListener().then(() => {
      if (this.stopped) return;
      this.reopenTimer = setTimeout(() => {
        this.reopenTimer = null;
        if (!this.stopped) void this.listen().catch((error: Error) => process.stderr.write(`sample-oms: ${error.message}\n`));
      }, forMs);
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sample-oms.invalid');
    const route = url.pathname;
    if (route === '/webhooks') {
      if (this.onlyMethod(req, res, 'POST')) await this.handleWebhook(req, res);
      return;
    }
    if (route === '/_control' && this.options.testControls) return this.handleControl(req, res);
    const ubl = /^\/orders\/([^/]+)\/ubl\.xml$/.exec(route);
    const pages: Record<string, () => void> = {
      '/': () => this.sendPage(res),
      '/health': () => sendJson(res, 200, { status: 'ok', events: this.store.size }),
      '/orders': () =>
        sendJson(res, 200, this.store.list({ type: ORDER_EVENT_TYPES, limit: limitOf(url) }).map(orderSummary)),
      '/events': () => {
        const type = url.searchParams.get('type') ?? undefined;
        sendJson(res, 200, this.store.list({ limit: limitOf(url), ...(type ? { type } : {}) }));
      },
    };
    const page = ubl ? () => this.sendUbl(res, safeDecode(ubl[1]!)) : Object.hasOwn(pages, route) ? pages[route] : undefined;
    if (!page) return sendJson(res, 404, { error: 'not-found', message: 'no such route' });
    if (this.onlyMethod(req, res, 'GET')) page();
  }

  private async handleWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req, this.options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, { error: 'too-large', message: `body exceeds ${this.options.maxBodyBytes} bytes` });
        req.resume();
        return;
      }
      throw error;
    }
    const fault = this.options.testControls ? this.faults.next() : null;
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'respond') {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
      sendJson(res, fault.status, { error: 'injected-fault', status: fault.status });
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    const result = await this.receiver.receive(body, req.headers);
    sendJson(res, result.status, result.body);
  }

  private async handleControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return sendJson(res, 200, this.faults.status());
    if (!this.onlyMethod(req, res, 'POST')) return;
    let parsed;
    try {
      parsed = controlRequestSchema.safeParse(JSON.parse((await readBody(req, MAX_CONTROL_BODY)).toString('utf8')));
    } catch {
      return sendJson(res, 400, { error: 'invalid-control', message: 'body must be JSON of at most 4 KiB' });
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return sendJson(res, 400, { error: 'invalid-control', message: `${issue.path.join('.') || 'body'}: ${issue.message}` });
    }
    if (parsed.data.mode === 'down') {
      if (parsed.data.forMs === undefined) return sendJson(res, 400, { error: 'invalid-control', message: 'down needs forMs' });
      const forMs = parsed.data.forMs;
      res.once('finish', () => this.goDown(forMs));
    }
    this.faults.set(parsed.data);
    sendJson(res, 200, this.faults.status());
  }

  private sendPage(res: ServerResponse): void {
    const html = renderOrdersPage({
      orders: this.store.list({ type: ORDER_EVENT_TYPES, limit: 100 }),
      events: this.store.list({ limit: 50 }),
      total: this.store.size,
    });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    });
    res.end(html);
  }

  private sendUbl(res: ServerResponse, webhookId: string): void {
    const event = this.store.find(webhookId);
    const xml = (event?.data as { ublXml?: unknown } | undefined)?.ublXml;
    if (!event || !ORDER_EVENT_TYPES.includes(event.type) || typeof xml !== 'string') {
      return sendJson(res, 404, { error: 'not-found', message: 'no such order among the recent events' });
    }
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'x-content-type-options': 'nosniff' });
    res.end(xml);
  }

  private onlyMethod(req: IncomingMessage, res: ServerResponse, method: string): boolean {
    if (req.method === method) return true;
    res.setHeader('allow', method);
    sendJson(res, 405, { error: 'method-not-allowed', message: `use ${method}` });
    return false;
  }
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

function limitOf(url: URL): number {
  const raw = Number(url.searchParams.get('limit') ?? 100);
  return Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_LIST_LIMIT) : 100;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(new BodyTooLargeError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
