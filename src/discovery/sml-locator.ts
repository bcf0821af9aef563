import type { PeppolIdentifier } from '../peppol/index.js';
import { DiscoveryError } from './discovery.errors.js';
import { DnsLookupError, type DiscoveryDnsResolver, type NaptrRecord } from './dns-resolver.js';
import { applyNaptrRegexp } from './naptr-rewrite.js';
import { legacyCnameFor, naptrNameFor } from './sml-names.js';

export interface SmpLocation {
  /** SMP base URL, no trailing slash. */
  smpUrl: string;
  method: 'naptr' | 'legacy-cname' | 'fixed';
  /** The DNS name asked, when DNS was used. */
  dnsName?: string;
}

export interface SmlLocatorOptions {
  /** Undefined: no SML to ask (only a fixed SMP URL works). */
  zone: string | undefined;
  fixedSmpUrl?: string;
  legacyCname: boolean;
}

const SMP_SERVICE = 'meta:smp';

/** Finds the SMP of a participant: fixed URL, else U-NAPTR in the SML zone, else (if enabled) legacy CNAME. */
export class SmlLocator {
  constructor(
    private readonly dns: DiscoveryDnsResolver,
    private readonly options: SmlLocatorOptions,
  ) {}

  async locate(participant: PeppolIdentifier): Promise<SmpLocation> {
    if (this.options.fixedSmpUrl) return { smpUrl: trimSlash(this.options.fixedSmpUrl), method: 'fixed' };
    if (!this.options.zone) {
      throw new DiscoveryError('not-configured', 'no SML zone is configured for this stage (dev asks no Peppol SML): set SML_ZONE or SMP_FIXED_URL');
    }

    const zone = this.options.zone;
    const dnsName = naptrNameFor(participant, zone);
    const records = await this.ask(() => this.dns.resolveNaptr(dnsName));
    const url = selectSmpUrl(records, dnsName);
    if (url) return { smpUrl: url, method: 'naptr', dnsName };

    if (this.options.legacyCname) {
      const cnameName = legacyCnameFor(participant, zone);
      const target = await this.ask(() => this.dns.resolveCname(cnameName));
      if (target) return { smpUrl: `http://${cnameName}`, method: 'legacy-cname', dnsName: cnameName };
    }
    throw new DiscoveryError(
      'not-registered',
      `participant ${participant.scheme}::${participant.value} is not registered in the SML (no Meta:SMP NAPTR record at ${dnsName})`,
    );
  }

  private async ask<T>(question: () => Promise<T>): Promise<T> {
    try {
      return await question();
    } catch (error) {
      if (error instanceof DnsLookupError) throw new DiscoveryError('dns-failure', `DNS lookup failed: ${error.message}`);
      throw error;
    }
  }
}

/** Best (lowest order, then preference) terminal `U` record for service Meta:SMP whose rewrite gives an http(s) URL. */
function selectSmpUrl(records: NaptrRecord[], dnsName: string): string | undefined {
  const candidates = records
    .filter((r) => r.flags.toLowerCase() === 'u' && r.service.toLowerCase() === SMP_SERVICE)
    .sort((a, b) => a.order - b.order || a.preference - b.preference);
  for (const record of candidates) {
    let rewritten: string | undefined;
    try {
      rewritten = applyNaptrRegexp(record.regexp, dnsName);
    } catch {
      continue;
    }
    if (!rewritten) continue;
    try {
      const url = new URL(rewritten);
      if (url.protocol === 'http:' || url.protocol === 'https:') return trimSlash(url.toString());
    } catch {
      continue;
    }
  }
  return undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
