import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MLS_TYPE,
  isMlsType,
  isSpid,
  mainIdOfSeat,
  mainIdOfSpid,
  MLS_FAILURE_REASONS,
  MLS_STATUS_REASONS,
  MLS_TYPES,
  spidOfSpisParticipant,
} from './message-level-status.js';

describe('MLS facts', () => {
  it.each(['000123', '000123-MLS', '000123-MLS_1.P12345.99', '000123-mls.p12-._~', '987654-ABC'])('accepts the SPID %s', (spid) => expect(isSpid(spid)).toBe(true));
  it.each(['', '00012', '0001234', 'POP000123', '000123-AB', '000123-ABCDEFGHIJKLM', '000123-MLS.AB', '000123.SUFFIX', '000123-MLS.a b c', ' 000123'])(
    'refuses %j as an SPID',
    (spid) => expect(isSpid(spid)).toBe(false),
  );

  it('takes the main id from an SPID and from a seat id', () => {
    expect(mainIdOfSpid('000123-MLS.P1.99')).toBe('000123');
    expect(mainIdOfSpid('x00123')).toBeUndefined();
    expect(mainIdOfSeat('POP000123')).toBe('000123');
    expect(mainIdOfSeat('pop000123')).toBeUndefined();
  });

  it('reads the SPID of an SPIS participant only', () => {
    expect(spidOfSpisParticipant('0242:000123')).toBe('000123');
    expect(spidOfSpisParticipant('0242:000123-MLS')).toBe('000123-MLS');
    expect(spidOfSpisParticipant('0088:000123')).toBeUndefined();
    expect(spidOfSpisParticipant('0242:pop000123')).toBeUndefined();
    expect(spidOfSpisParticipant('0242:')).toBeUndefined();
  });

  it('knows the two MLS types, FAILURE_ONLY by default', () => {
    expect(DEFAULT_MLS_TYPE).toBe('FAILURE_ONLY');
    expect(isMlsType('ALWAYS_SEND')).toBe(true);
    expect(isMlsType('always_send')).toBe(false);
    expect(Object.values(MLS_TYPES)).toEqual(['FAILURE_ONLY', 'ALWAYS_SEND']);
  });

  it('counts SV, BV and FD as failures, never BW', () => {
    expect([...MLS_FAILURE_REASONS].sort()).toEqual(['BV', 'FD', 'SV']);
    expect(MLS_FAILURE_REASONS).not.toContain(MLS_STATUS_REASONS.businessWarning);
  });
});
