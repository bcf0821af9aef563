import { describe, expect, it } from 'vitest';
import { legacyCnameFor, naptrNameFor } from './sml-names.js';

const TEST_ZONE = 'participant.sml.test.tech.peppol.org';
const p = (value: string) => ({ scheme: 'iso6523-actorid-upis', value });

// Test vectors of the Peppol SML specification (as in the peppol-commons URL provider tests).
describe('SML names', () => {
  it('hashes the lower-cased participant value with SHA-256 and unpadded base32', () => {
    const expected = 'y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq.iso6523-actorid-upis.participant.sml.test.tech.peppol.org';
    expect(naptrNameFor(p('0088:123abc'), TEST_ZONE)).toBe(expected);
    expect(naptrNameFor(p('0088:123ABC'), TEST_ZONE)).toBe(expected);
    expect(naptrNameFor(p('9915:test'), TEST_ZONE)).toBe(
      'eh5boavaktmbgzyh2a63dz4qov33fvp5nsdvqklucfraayoodw6a.iso6523-actorid-upis.participant.sml.test.tech.peppol.org',
    );
  });

  it('builds the legacy B-MD5 CNAME name', () => {
    expect(legacyCnameFor(p('0088:123ABC'), 'zone.example')).toBe('B-f5e78500450d37de5aabe6648ac3bb70.iso6523-actorid-upis.zone.example');
    expect(legacyCnameFor(p('9930:de298946909'), 'edelivery.tech.ec.europa.eu')).toBe(
      'B-40e8abe94e9a400e1e63bd292502a587.iso6523-actorid-upis.edelivery.tech.ec.europa.eu',
    );
  });
});
