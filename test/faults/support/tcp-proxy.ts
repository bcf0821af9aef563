import net from 'node:net';

export type ProxyMode = 'open' | 'refuse' | 'blackhole' | 'freeze';

/**
 * A loopback TCP proxy the test controls, standing between a process and a server (PostgreSQL,
 * Redis): `open` forwards; `refuse` drops every connection and refuses new ones, as a server that
 * went away; `blackhole` accepts and forwards nothing, as a server that cannot be reached;
 * `freeze` keeps live connections open but passes no more bytes, as a server that hangs.
 */
export class TcpProxy {
  private server?: net.Server;
  private mode: ProxyMode = 'open';
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<this> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** Switches mode and cuts every live connection, so clients reconnect into the new mode. */
  set(mode: ProxyMode): void {
    if (mode === this.mode) return;
    const from = this.mode;
    this.mode = mode;
    if (mode === 'freeze' && from === 'open') {
      for (const s of this.sockets) s.pause();
      return;
    }
    for (const s of this.sockets) s.destroy();
  }

  private accept(client: net.Socket): void {
    this.track(client);
    if (this.mode === 'refuse') return void client.destroy();
    if (this.mode === 'blackhole' || this.mode === 'freeze') return void client.on('data', () => undefined);
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
