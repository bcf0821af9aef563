import { describe, expect, it } from 'vitest';
import { PROCESSES, qualifiedProcessId } from '../peppol/index.js';
import { defaultMlsAddressee, getsMls, mlsAddressee } from './mls-addressing.js';

const SCHEME = 'iso6523-actorid-upis';

describe('mlsAddressee', () => {
  it('sends to the default SPID of the sending seat when there is no MLS_TO', () => {
    expect(mlsAddressee(undefined, 'POP000123')).toEqual({ ok: true, spid: '000123', participant: '0242:000123', source: 'default' });
    expect(mlsAddressee({ value: '  ' }, 'POP000123')).toMatchObject({ source: 'default' });
  });

  it('takes an MLS_TO of the sending provider, with or without use case and suffix', () => {
    expect(mlsAddressee({ value: '0242:000123', scheme: SCHEME }, 'POP000123')).toEqual({ ok: true, spid: '000123', participant: '0242:000123', source: 'mls-to' });
    expect(mlsAddressee({ value: '0242:000123-MLS.P12345.99', scheme: SCHEME }, 'POP000123')).toMatchObject({ spid: '000123-MLS.P12345.99', source: 'mls-to' });
    expect(mlsAddressee({ value: '0242:000123-mls' }, 'POP000123')).toMatchObject({ spid: '000123-mls', source: 'mls-to' });
    expect(mlsAddressee({ value: `${SCHEME}::0242:000123-MLS` }, 'POP000123')).toMatchObject({ source: 'mls-to' });
  });

  it('ignores an MLS_TO of another provider in favour of the default, saying why', () => {
    const a = mlsAddressee({ value: '0242:999999', scheme: SCHEME }, 'POP000123');
    expect(a).toMatchObject({ ok: true, participant: '0242:000123', source: 'default' });
    expect(a.ok && a.ignored).toMatch(/another service provider/);
  });

  it.each([
    ['a participant of another scheme', { value: '0088:000123', scheme: SCHEME }, /not 0242: followed by a Service Provider Id/],
    ['a seat id', { value: '0242:POP000123', scheme: SCHEME }, /not 0242:/],
    ['a malformed SPID', { value: '0242:000123-X', scheme: SCHEME }, /not 0242:/],
    ['another identifier scheme', { value: '0242:000123', scheme: 'busdox-docid-qns' }, /scheme is "busdox-docid-qns"/],
  ])('ignores %s', (_name, scope, why) => {
    const a = mlsAddressee(scope, 'POP000123');
    expect(a).toMatchObject({ ok: true, source: 'default', participant: '0242:000123' });
    expect(a.ok && a.ignored).toMatch(why);
  });

  it('cannot address a sender without a seat id', () => {
    expect(defaultMlsAddressee('not-a-seat')).toEqual({ ok: false, reason: expect.stringContaining('has no Peppol seat id') });
    expect(mlsAddressee({ value: '0242:000123' }, 'pop000123')).toMatchObject({ ok: false });
  });
});

describe('getsMls', () => {
  it('answers business documents, never an MLS or a report', () => {
    expect(getsMls(PROCESSES.ordering)).toBe(true);
    expect(getsMls(qualifiedProcessId(PROCESSES.orderOnly))).toBe(true);
    expect(getsMls(PROCESSES.messageLevelStatus)).toBe(false);
    expect(getsMls(qualifiedProcessId(PROCESSES.messageLevelStatus))).toBe(false);
    expect(getsMls('urn:fdc:peppol.eu:edec:bis:reporting:1.0')).toBe(false);
  });
});
