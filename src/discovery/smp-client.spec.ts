import { describe, expect, it } from 'vitest';
import { x509 } from '../pki/x509-crypto.js';
import { sameDistinguishedName, serviceGroupUrl, serviceMetadataUrl } from './smp-client.js';

describe('SMP URLs', () => {
  const participant = { scheme: 'iso6523-actorid-upis', value: '0088:7315458756324' };
  const order = {
    scheme: 'busdox-docid-qns',
    value: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1',
  };

  // The literal forms of the Peppol SMP specification.
  it('percent-encodes the service group path', () => {
    expect(serviceGroupUrl('http://smp.example/', participant)).toBe('http://smp.example/iso6523-actorid-upis%3A%3A0088%3A7315458756324');
  });

  it('percent-encodes the service metadata path, # included', () => {
    expect(serviceMetadataUrl('http://smp.example', participant, order)).toBe(
      'http://smp.example/iso6523-actorid-upis%3A%3A0088%3A7315458756324/services/busdox-docid-qns%3A%3Aurn%3Aoasis%3Anames%3Aspecification%3Aubl%3Aschema%3Axsd%3AOrder-2%3A%3AOrder%23%23urn%3Afdc%3Apeppol.eu%3Apoacc%3Atrns%3Aorder%3A3%3A%3A2.1',
    );
  });
});

describe('sameDistinguishedName', () => {
  const name = new x509.Name('C=NO, O=Example AS, OU=PEPPOL TEST SMP, CN=PNO000070');
  it('ignores attribute order, spacing and case', () => {
    expect(sameDistinguishedName('CN=PNO000070,OU=PEPPOL TEST SMP,O=Example AS,C=NO', name)).toBe(true);
    expect(sameDistinguishedName('cn=pno000070, ou=peppol test smp, o=example as, c=no', name)).toBe(true);
  });
  it('refuses a different or partial name and garbage', () => {
    expect(sameDistinguishedName('CN=PNO000071,OU=PEPPOL TEST SMP,O=Example AS,C=NO', name)).toBe(false);
    expect(sameDistinguishedName('CN=PNO000070', name)).toBe(false);
    expect(sameDistinguishedName('not a dn', name)).toBe(false);
  });
});
