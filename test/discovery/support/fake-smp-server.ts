import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Loopback SMP: serves fixed bodies per request path and counts requests. */
export class FakeSmpServer {
  readonly routes = new Map<string, { status: number; body: string; headers?: Record<string, string> }>();
  readonly requests: string[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.requests.push(path);
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(route.status, { 'content-type': 'text/xml; charset=utf-8', ...route.headers }).end(route.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  serve(path: string, body: string, status = 200, headers?: Record<string, string>): void {
    this.routes.set(path, { status, body, headers });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
