import { describe, expect, it } from 'vitest';
import { selectAs4Endpoint } from './endpoint-selector.js';
import type { ServiceInformation } from './smp-client.js';

const participant = { scheme: 'iso6523-actorid-upis', value: '0088:ABC' };
const documentType = { scheme: 'busdox-docid-qns', value: 'urn:x::Order##y::2.1' };
const ordering = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' };
const NOW = new Date('2026-06-01T00:00:00Z');
const ep = (over: object = {}) => ({ transportProfile: 'peppol-transport-as4-v2_0', address: 'https://ap/as4', certificate: 'x', ...over });
const metadata = (processes: ServiceInformation['processes']): ServiceInformation => ({
  kind: 'service-information',
  format: 'peppol-smp-1',
  participant: { scheme: 'iso6523-actorid-upis', value: '0088:abc' },
  documentType,
  processes,
});

describe('selectAs4Endpoint', () => {
  it('picks the active AS4 v2 endpoint of the asked process (participant compared case-insensitively)', () => {
    const selected = selectAs4Endpoint(
      metadata([
        { process: { ...ordering, value: 'other' }, endpoints: [ep({ address: 'https://wrong' })] },
        { process: ordering, endpoints: [ep({ transportProfile: 'peppol-transport-as4-v1_0', address: 'https://old' }), ep()] },
      ]),
      { participant, documentType, process: ordering },
      NOW,
    );
    expect(selected).toEqual({ endpoint: ep(), process: ordering });
  });

  it('skips endpoints outside their activation window and reports when none is left', () => {
    const future = ep({ address: 'https://future', activation: new Date('2026-07-01T00:00:00Z') });
    const current = ep({ address: 'https://current', expiration: new Date('2026-06-02T00:00:00Z') });
    expect(selectAs4Endpoint(metadata([{ process: ordering, endpoints: [future, current] }]), { participant, documentType }, NOW).endpoint.address).toBe('https://current');
    expect(() => selectAs4Endpoint(metadata([{ process: ordering, endpoints: [future] }]), { participant, documentType }, NOW)).toThrow(
      expect.objectContaining({ code: 'endpoint-not-active' }),
    );
  });

  it('refuses metadata about another participant or document type', () => {
    const m = metadata([{ process: ordering, endpoints: [ep()] }]);
    expect(() => selectAs4Endpoint(m, { participant: { ...participant, value: '0088:OTHER' }, documentType }, NOW)).toThrow(/not 0088:OTHER/);
    expect(() => selectAs4Endpoint(m, { participant, documentType: { ...documentType, value: 'other' } }, NOW)).toThrow(/not the one asked/);
  });

  it('lists what is registered when the process or transport does not match', () => {
    const m = metadata([{ process: ordering, endpoints: [ep({ transportProfile: 'busdox-transport-as2-ver1p0' })] }]);
    expect(() => selectAs4Endpoint(m, { participant, documentType, process: { ...ordering, value: 'p2' } }, NOW)).toThrow(
      expect.objectContaining({ code: 'no-matching-process', message: expect.stringContaining(ordering.value) }),
    );
    expect(() => selectAs4Endpoint(m, { participant, documentType, process: ordering }, NOW)).toThrow(expect.objectContaining({ code: 'no-as4-endpoint' }));
  });

  it('lets an SMP 2 entry without process serve any process', () => {
    const selected = selectAs4Endpoint(metadata([{ endpoints: [ep()] }]), { participant, documentType, process: ordering }, NOW);
    expect(selected.process).toBeUndefined();
  });
});
