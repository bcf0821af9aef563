import { describe, expect, it } from 'vitest';
import { countryOfParticipant } from './participant-schemes.js';
import { isSeatId, spisParticipantOf } from './seat-ids.js';

describe('seat ids', () => {
  it.each(['POP000306', 'PDK000001', 'PNO000070'])('accepts %s', (id) => expect(isSeatId(id)).toBe(true));
  it.each(['pop000306', 'POP00030', 'POP0003066', 'XOP000306', 'P0P000306', ' POP000306', ''])('refuses %j', (id) => expect(isSeatId(id)).toBe(false));

  it('makes the SPIS participant of a seat from its six digits', () => {
    expect(spisParticipantOf('POP000306')).toBe('0242:000306');
    expect(() => spisParticipantOf('0242:000306')).toThrow(/not a Peppol seat id/);
  });
});

describe('participant schemes', () => {
  it('knows the country of national schemes only', () => {
    expect(countryOfParticipant('0192:987654325')).toBe('NO');
    expect(countryOfParticipant('9925:be0848934496')).toBe('BE');
    expect(countryOfParticipant('0088:7315458756324')).toBeUndefined();
    expect(countryOfParticipant('0242:000306')).toBeUndefined();
    expect(countryOfParticipant('constructor:x')).toBeUndefined();
  });
});
