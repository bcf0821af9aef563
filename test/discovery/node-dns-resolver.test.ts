import { createSocket, type Socket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsLookupError, NodeDnsResolver } from '../../src/discovery/dns-resolver.js';
import { SmlLocator } from '../../src/discovery/sml-locator.js';
import { naptrNameFor } from '../../src/discovery/sml-names.js';

const ZONE = 'participant.sml.test.tech.peppol.org';
const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;
const REGISTERED = naptrNameFor({ scheme: 'iso6523-actorid-upis', value: '0088:123ABC' }, ZONE);

/** Loopback DNS server (UDP) answering from a table, so the real c-ares resolver path is exercised. */
describe('NodeDnsResolver against a loopback DNS server', () => {
  let socket: Socket;
  let server: string;

  beforeAll(async () => {
    socket = createSocket('udp4');
    socket.on('message', (message, remote) => {
      const query = dnsPacket.decode(message);
      const question = query.questions![0]!;
      const reply = (rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL', answers: dnsPacket.Answer[] = []) =>
        socket.send(
          // dns-packet carries the response code in the low bits of the flags.
          dnsPacket.encode({ id: query.id, type: 'response', flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | RCODES[rcode], questions: query.questions, answers }),
          remote.port,
          remote.address,
        );
      if (question.name === REGISTERED && question.type === 'NAPTR') {
        reply('NOERROR', [
          { type: 'NAPTR', name: REGISTERED, ttl: 60, data: { order: 100, preference: 10, flags: 'U', services: 'Meta:SMP', regexp: '!^.*$!http://smp.example.org!', replacement: '.' } },
        ] as dnsPacket.Answer[]);
      } else if (question.name.endsWith('broken.example')) {
        reply('SERVFAIL');
      } else if (question.name === 'alias.example' && question.type === 'CNAME') {
        reply('NOERROR', [{ type: 'CNAME', name: 'alias.example', ttl: 60, data: 'smp.publisher.example' }]);
      } else {
        reply('NXDOMAIN');
      }
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    server = `127.0.0.1:${socket.address().port}`;
  });
  afterAll(() => socket.close());

  const resolver = () => new NodeDnsResolver({ timeoutMs: 1_000, servers: [server] });

  it('reads NAPTR records and lets the locator derive the SMP URL', async () => {
    expect(await resolver().resolveNaptr(REGISTERED)).toEqual([
      expect.objectContaining({ flags: 'U', service: 'Meta:SMP', regexp: '!^.*$!http://smp.example.org!', order: 100, preference: 10 }),
    ]);
    const found = await new SmlLocator(resolver(), { zone: ZONE, legacyCname: false }).locate({ scheme: 'iso6523-actorid-upis', value: '0088:123abc' });
    expect(found).toEqual({ smpUrl: 'http://smp.example.org', method: 'naptr', dnsName: REGISTERED });
  });

  it('answers [] / undefined for names that do not exist', async () => {
    expect(await resolver().resolveNaptr(`nobody.iso6523-actorid-upis.${ZONE}`)).toEqual([]);
    expect(await resolver().resolveCname('nobody.example')).toBeUndefined();
    expect(await resolver().resolveCname('alias.example')).toBe('smp.publisher.example');
  });

  it('raises a lookup error for a server failure, which the locator reports as dns-failure', async () => {
    await expect(resolver().resolveNaptr('broken.example')).rejects.toThrow(DnsLookupError);
    const locator = new SmlLocator(resolver(), { zone: 'broken.example', legacyCname: false });
    await expect(locator.locate({ scheme: 'iso6523-actorid-upis', value: '0088:1' })).rejects.toMatchObject({ code: 'dns-failure' });
  });
});
