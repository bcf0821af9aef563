import { describe, expect, it } from 'vitest';
import { DiscoveryError } from './discovery.errors.js';
import { DnsLookupError, type DiscoveryDnsResolver, type NaptrRecord } from './dns-resolver.js';
import { SmlLocator } from './sml-locator.js';

const ZONE = 'participant.sml.test.tech.peppol.org';
const NAME_123ABC = 'y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq.iso6523-actorid-upis.participant.sml.test.tech.peppol.org';
const participant = { scheme: 'iso6523-actorid-upis', value: '0088:123ABC' };
const naptr = (over: Partial<NaptrRecord>): NaptrRecord => ({
  flags: 'U', service: 'Meta:SMP', regexp: '!^.*$!http://smp.example.com/!', replacement: '', order: 100, preference: 10, ...over,
});

/** DNS answers from a table; records the names asked. */
class TableResolver implements DiscoveryDnsResolver {
  readonly asked: string[] = [];
  constructor(private readonly naptr: Record<string, NaptrRecord[] | Error>, private readonly cname: Record<string, string> = {}) {}
  async resolveNaptr(name: string) {
    this.asked.push(`NAPTR ${name}`);
    const answer = this.naptr[name];
    if (answer instanceof Error) throw answer;
    return answer ?? [];
  }
  async resolveCname(name: string) {
    this.asked.push(`CNAME ${name}`);
    return this.cname[name];
  }
}

describe('SmlLocator', () => {
  it('finds the SMP through the hashed NAPTR name', async () => {
    const dns = new TableResolver({ [NAME_123ABC]: [naptr({})] });
    const found = await new SmlLocator(dns, { zone: ZONE, legacyCname: false }).locate(participant);
    expect(found).toEqual({ smpUrl: 'http://smp.example.com', method: 'naptr', dnsName: NAME_123ABC });
  });

  it('picks the lowest order/preference U record for Meta:SMP and ignores the others', async () => {
    const dns = new TableResolver({
      [NAME_123ABC]: [
        naptr({ service: 'Meta:OTHER', regexp: '!^.*$!http://other!', order: 1 }),
        naptr({ flags: 'S', regexp: '!^.*$!http://s-flag!', order: 1 }),
        naptr({ regexp: '!^.*$!http://second!', order: 100, preference: 20 }),
        naptr({ regexp: '!^.*$!http://first!', order: 100, preference: 5 }),
        naptr({ regexp: '!^.*$!ftp://not-http!', order: 50 }),
      ],
    });
    expect((await new SmlLocator(dns, { zone: ZONE, legacyCname: false }).locate(participant)).smpUrl).toBe('http://first');
  });

  it('reports an unregistered participant', async () => {
    const error = await new SmlLocator(new TableResolver({}), { zone: ZONE, legacyCname: false }).locate(participant).catch((e) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).toMatchObject({ code: 'not-registered', isNegativeAnswer: true });
    expect(error.message).toContain(NAME_123ABC);
  });

  it('separates a DNS outage from "not registered"', async () => {
    const dns = new TableResolver({ [NAME_123ABC]: new DnsLookupError('NAPTR x: ETIMEOUT') });
    const error = await new SmlLocator(dns, { zone: ZONE, legacyCname: false }).locate(participant).catch((e) => e);
    expect(error).toMatchObject({ code: 'dns-failure', isNegativeAnswer: false });
  });

  it('falls back to the legacy CNAME only when enabled', async () => {
    const cname = 'B-f5e78500450d37de5aabe6648ac3bb70.iso6523-actorid-upis.' + ZONE;
    const dns = new TableResolver({}, { [cname]: 'smp.publisher.example' });
    const found = await new SmlLocator(dns, { zone: ZONE, legacyCname: true }).locate(participant);
    expect(found).toEqual({ smpUrl: `http://${cname}`, method: 'legacy-cname', dnsName: cname });
    await expect(new SmlLocator(dns, { zone: ZONE, legacyCname: false }).locate(participant)).rejects.toMatchObject({ code: 'not-registered' });
  });

  it('uses a fixed SMP URL without asking DNS', async () => {
    const dns = new TableResolver({});
    const found = await new SmlLocator(dns, { zone: ZONE, legacyCname: false, fixedSmpUrl: 'http://127.0.0.1:8080/smp/' }).locate(participant);
    expect(found).toEqual({ smpUrl: 'http://127.0.0.1:8080/smp', method: 'fixed' });
    expect(dns.asked).toEqual([]);
  });

  it('asks no DNS at all without a zone (dev stage) and says what to configure', async () => {
    const dns = new TableResolver({});
    await expect(new SmlLocator(dns, { zone: undefined, legacyCname: true }).locate(participant)).rejects.toMatchObject({
      code: 'not-configured',
      message: expect.stringContaining('set SML_ZONE or SMP_FIXED_URL'),
    });
    expect(dns.asked).toEqual([]);
  });
});
