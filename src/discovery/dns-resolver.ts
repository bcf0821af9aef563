import { Resolver } from 'node:dns/promises';

export interface NaptrRecord {
  flags: string;
  service: string;
  regexp: string;
  replacement: string;
  order: number;
  preference: number;
}

/** The DNS questions discovery asks; tests substitute a fake, production uses NodeDnsResolver. */
export interface DiscoveryDnsResolver {
  /** NAPTR records of a name; [] when the name or the record type does not exist. */
  resolveNaptr(name: string): Promise<NaptrRecord[]>;
  /** CNAME target of a name; undefined when there is none. */
  resolveCname(name: string): Promise<string | undefined>;
}

/** Raised for a DNS failure that says nothing about the participant (timeout, SERVFAIL, refused). */
export class DnsLookupError extends Error {
  override name = 'DnsLookupError';
}

const ABSENT = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export class NodeDnsResolver implements DiscoveryDnsResolver {
  private readonly resolver: Resolver;

  constructor(options: { timeoutMs: number; servers?: string[] }) {
    this.resolver = new Resolver({ timeout: options.timeoutMs, tries: 2 });
    if (options.servers && options.servers.length > 0) this.resolver.setServers(options.servers);
  }

  async resolveNaptr(name: string): Promise<NaptrRecord[]> {
    try {
      return await this.resolver.resolveNaptr(name);
    } catch (error) {
      if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return [];
      throw new DnsLookupError(`NAPTR ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }

  async resolveCname(name: string): Promise<string | undefined> {
    try {
      return (await this.resolver.resolveCname(name))[0];
    } catch (error) {
      if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw new DnsLookupError(`CNAME ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}
