import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BoundedHttpClient } from '../../src/pki/bounded-http.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { CrlClient } from '../../src/pki/crl-client.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { OcspClient } from '../../src/pki/ocsp-client.js';
import { PeppolRevocationChecker } from '../../src/pki/revocation-service.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { x509 } from '../../src/pki/x509-crypto.js';
import type { DiscoveryDnsResolver, NaptrRecord } from '../../src/discovery/dns-resolver.js';
import { PeppolDiscovery } from '../../src/discovery/discovery.service.js';
import { parseDocumentType, parseParticipant, parseProcess } from '../../src/discovery/identifiers.js';
import { naptrNameFor } from '../../src/discovery/sml-names.js';
import { SmlLocator } from '../../src/discovery/sml-locator.js';
import { SmpClient, serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { SmpSignatureVerifier } from '../../src/discovery/smp-signature.js';
import { DevRevocationServer } from '../pki/support/dev-revocation-server.js';
import { FakeClock } from '../pki/support/fake-clock.js';
import { FakeSmpServer } from './support/fake-smp-server.js';
import { signEnveloped, smp1Metadata, smp1Redirect, smp1ServiceGroup, smp2Metadata, type EndpointSpec } from './support/smp-documents.js';

const ZONE = 'participant.sml.test.tech.peppol.org';
const ORDER = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1';
const ORDERING = 'urn:fdc:peppol.eu:poacc:bis:ordering:3';
const AP_URL = 'https://ap.partner.example/as4';

class TableResolver implements DiscoveryDnsResolver {
  readonly naptr = new Map<string, NaptrRecord[]>();
  async resolveNaptr(name: string) {
    return this.naptr.get(name) ?? [];
  }
  async resolveCname() {
    return undefined;
  }
}

describe('PeppolDiscovery: SML → SMP → endpoint over loopback', () => {
  const smp = new FakeSmpServer();
  const revocation = new DevRevocationServer();
  const dns = new TableResolver();
  const clock = new FakeClock(new Date());
  let pki: DevPki;
  let trust: TrustStore;
  let counter = 0;

  /** A fresh participant per test keeps caches and routes independent. */
  const nextParticipant = () => `0088:${String(5790000000000 + ++counter)}`;
  const register = (participant: string) => {
    const name = naptrNameFor({ scheme: 'iso6523-actorid-upis', value: participant }, ZONE);
    dns.naptr.set(name, [{ flags: 'U', service: 'Meta:SMP', regexp: `!^.*$!${smp.url}!`, replacement: '', order: 100, preference: 10 }]);
  };
  const path = (participant: string, doctype = ORDER) =>
    serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(doctype));
  const endpoint = (over: Partial<EndpointSpec> = {}): EndpointSpec => ({ address: AP_URL, certificatePem: pki.partnerAp.certPem, ...over });
  const signedBySmp = (xml: string) => signEnveloped(xml, pki.smp.keyPem, pki.smp.certPem);

  const discovery = (opts: { allowRsaSha1?: boolean; policy?: 'hard-fail' | 'off'; requireHttps?: boolean } = {}) => {
    const http = new BoundedHttpClient();
    const checker = new PeppolRevocationChecker(
      new OcspClient(http, clock, { timeoutMs: 2_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 }),
      new CrlClient(http, clock, { timeoutMs: 2_000, maxBytes: 1_048_576, clockSkewMs: 60_000, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, maxCachedCrls: 4 }),
      clock,
      { ocspEnabled: true, crlEnabled: true, ocspResponderUrl: undefined, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, cacheMaxEntries: 100 },
    );
    const validator = new CertificateValidator(trust, { revocationPolicy: opts.policy ?? 'hard-fail', revocation: checker });
    const client = new SmpClient(http, new SmpSignatureVerifier(validator, clock, { allowRsaSha1: opts.allowRsaSha1 ?? true }), {
      timeoutMs: 2_000,
      maxResponseBytes: 1_048_576,
      maxXmlElements: 10_000,
    });
    return new PeppolDiscovery(new SmlLocator(dns, { zone: ZONE, legacyCname: false }), client, validator, clock, {
      ttlMs: 3_600_000,
      negativeTtlMs: 60_000,
      maxEntries: 100,
      requireHttpsEndpoint: opts.requireHttps,
    });
  };
  const lookup = (d: PeppolDiscovery, participant: string, process = ORDERING) =>
    d.lookup(parseParticipant(participant), parseDocumentType(ORDER), parseProcess(process));

  beforeAll(async () => {
    await smp.start();
    const urls = await revocation.start();
    pki = await createDevPki(urls);
    revocation.use(pki);
    revocation.revoke(pki.revokedAp, { at: new Date(Date.now() - 86_400_000), reason: x509.X509CrlReason.keyCompromise });
    const anchor = (pem: string) => ({ cert: parseCertificate(pem), label: 'dev' });
    trust = new TrustStore([anchor(pki.rootCa.certPem)], { ap: [anchor(pki.apCa.certPem)], smp: [anchor(pki.smpCa.certPem)] });
  });
  afterAll(async () => {
    await smp.stop();
    await revocation.stop();
  });
  beforeEach(() => clock.set(new Date()));

  it('finds the AS4 endpoint in a signed Peppol SMP 1 response and caches it', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const d = discovery();
    const found = await lookup(d, participant);
    expect(found).toMatchObject({
      smp: { method: 'naptr', smpUrl: smp.url, format: 'peppol-smp-1', signerCn: 'PDK000070' },
      endpoint: { url: AP_URL, transportProfile: 'peppol-transport-as4-v2_0', receiverCn: 'PDK000002', technicalContact: 'mailto:ops@example.com' },
      process: { value: ORDERING },
      fromCache: false,
      warnings: [],
    });
    expect(parseCertificate(found.endpoint.certificatePem).sha256).toBe(parseCertificate(pki.partnerAp.certPem).sha256);
    expect(found.trace.join('\n')).toMatch(/SML NAPTR .*iso6523-actorid-upis\.participant\.sml\.test\.tech\.peppol\.org -> SMP/);
    expect(found.trace.join('\n')).toContain('revocation good');

    const requests = smp.requests.length;
    expect((await lookup(d, participant)).fromCache).toBe(true);
    expect(smp.requests.length).toBe(requests);
    clock.advance(3_600_001);
    expect((await lookup(d, participant)).fromCache).toBe(false);
  });

  it('asks the SMP once for a burst of concurrent lookups', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const d = discovery();
    const before = smp.requests.length;
    const results = await Promise.all(Array.from({ length: 8 }, () => lookup(d, participant)));
    expect(results.every((r) => r.endpoint.url === AP_URL)).toBe(true);
    expect(smp.requests.length - before).toBe(1);
  });

  it('reads the OASIS SMP 2 format', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(path(participant), signedBySmp(smp2Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const found = await lookup(discovery(), participant);
    expect(found).toMatchObject({ smp: { format: 'oasis-smp-2' }, endpoint: { url: AP_URL, receiverCn: 'PDK000002' } });
  });

  it('lists the registered document types from the service group', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(ORDER)).split('/services/')[0]!, smp1ServiceGroup(smp.url, participant, [ORDER]));
    const { group } = await discovery().listDocumentTypes(parseParticipant(participant));
    expect(group.documentTypes).toEqual([{ scheme: 'busdox-docid-qns', value: ORDER }]);
  });

  it('refuses a response altered after signing', async () => {
    const participant = nextParticipant();
    register(participant);
    const signed = signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] }));
    smp.serve(path(participant), signed.replace(AP_URL, 'https://attacker.example/as4'));
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-signature-invalid' });
  });

  it('refuses an unsigned response and one with two signatures', async () => {
    const participant = nextParticipant();
    register(participant);
    const unsigned = smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] });
    smp.serve(path(participant), unsigned);
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-signature-invalid', message: 'SMP response is not signed' });
    smp.serve(path(participant), signedBySmp(signedBySmp(unsigned)));
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-signature-invalid', message: 'SMP response has 2 signatures' });
  });

  it('refuses responses signed by an AP certificate or by an untrusted CA', async () => {
    const participant = nextParticipant();
    register(participant);
    const xml = smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] });
    smp.serve(path(participant), signEnveloped(xml, pki.partnerAp.keyPem, pki.partnerAp.certPem));
    const byAp = await lookup(discovery(), participant).catch((e) => e);
    expect(byAp).toMatchObject({ code: 'smp-signer-untrusted' });
    expect(byAp.message).toContain('not by a trusted SMP CA');
    smp.serve(path(participant), signEnveloped(xml, pki.untrustedAp.keyPem, pki.untrustedAp.certPem));
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-signer-untrusted' });
  });

  it('accepts RSA-SHA1 signatures of older SMPs only while allowed', async () => {
    const participant = nextParticipant();
    register(participant);
    const xml = smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] });
    smp.serve(path(participant), signEnveloped(xml, pki.smp.keyPem, pki.smp.certPem, 'sha1'));
    expect((await lookup(discovery({ allowRsaSha1: true }), participant)).endpoint.url).toBe(AP_URL);
    await expect(lookup(discovery({ allowRsaSha1: false }), participant)).rejects.toMatchObject({ code: 'smp-signature-invalid' });
  });

  it('reports "no AS4 endpoint" and caches that answer only briefly', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(
      path(participant),
      signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint({ transportProfile: 'busdox-transport-as2-ver1p0' })] })),
    );
    const d = discovery();
    const error = await lookup(d, participant).catch((e) => e);
    expect(error).toMatchObject({ code: 'no-as4-endpoint' });
    expect(error.message).toContain('transport profiles found: busdox-transport-as2-ver1p0');
    const requests = smp.requests.length;
    await expect(lookup(d, participant)).rejects.toMatchObject({ code: 'no-as4-endpoint' });
    expect(smp.requests.length).toBe(requests);

    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    clock.advance(60_001);
    expect((await lookup(d, participant)).endpoint.url).toBe(AP_URL);
  });

  it('reports an unregistered participant, an unknown document type and an unknown process', async () => {
    const unregistered = nextParticipant();
    await expect(lookup(discovery(), unregistered)).rejects.toMatchObject({ code: 'not-registered' });

    const participant = nextParticipant();
    register(participant);
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-not-found' });

    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const wrongProcess = await lookup(discovery(), participant, 'urn:fdc:peppol.eu:poacc:bis:order_only:3').catch((e) => e);
    expect(wrongProcess).toMatchObject({ code: 'no-matching-process' });
    expect(wrongProcess.message).toContain(`registered: ${ORDERING}`);
  });

  it('requires an https endpoint on port 443 when asked to (production and test networks)', async () => {
    for (const [address, ok] of [
      [AP_URL, true],
      ['https://ap.partner.example:443/as4', true],
      ['http://ap.partner.example/as4', false],
      ['https://ap.partner.example:8443/as4', false],
    ] as const) {
      const participant = nextParticipant();
      register(participant);
      smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint({ address })] })));
      const outcome = await lookup(discovery({ requireHttps: true }), participant).then(() => 'found', (e) => e.code);
      expect([address, outcome]).toEqual([address, ok ? 'found' : 'endpoint-url-invalid']);
    }
  });

  it('respects the endpoint activation and expiration dates', async () => {
    const participant = nextParticipant();
    register(participant);
    const past = new Date(Date.now() - 86_400_000).toISOString();
    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint({ expiration: past })] })));
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'endpoint-not-active' });
  });

  it('refuses an expired, an untrusted and a revoked receiver certificate', async () => {
    for (const [entry, reason] of [
      [pki.expiredAp, 'expired'],
      [pki.untrustedAp, 'untrusted'],
      [pki.revokedAp, 'revoked'],
      [pki.smp, 'wrong-purpose'],
    ] as const) {
      const participant = nextParticipant();
      register(participant);
      smp.serve(
        path(participant),
        signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint({ certificatePem: entry.certPem })] })),
      );
      const error = await lookup(discovery(), participant).catch((e) => e);
      expect(error).toMatchObject({ code: 'endpoint-certificate-invalid' });
      expect(error.message).toContain(`(${reason})`);
    }
  });

  it('follows one SMP redirect to a target signed by the named certificate', async () => {
    const participant = nextParticipant();
    register(participant);
    const targetPath = `/other-smp${path(participant)}`;
    smp.serve(targetPath, signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const subject = parseCertificate(pki.smp.certPem).x509.subject;
    smp.serve(path(participant), signedBySmp(smp1Redirect(`${smp.url}${targetPath}`, subject)));
    const found = await lookup(discovery(), participant);
    expect(found.smp.redirectedFrom).toBe(`${smp.url}${path(participant)}`);
    expect(found.trace.some((line) => line.startsWith('SMP redirect'))).toBe(true);

    const other = nextParticipant();
    register(other);
    smp.serve(`/other-smp${path(other)}`, signedBySmp(smp1Metadata({ participant: other, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    smp.serve(path(other), signedBySmp(smp1Redirect(`${smp.url}/other-smp${path(other)}`, 'CN=PDK000999,OU=PEPPOL TEST SMP,C=DK')));
    await expect(lookup(discovery(), other)).rejects.toMatchObject({ code: 'redirect-invalid' });
  });

  it('treats an unreachable revocation responder as a transient failure that is not cached', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(path(participant), signedBySmp(smp1Metadata({ participant, documentType: ORDER, process: ORDERING, endpoints: [endpoint()] })));
    const d = discovery();
    revocation.ocspMode = 'http-500';
    revocation.crlMode = 'http-404';
    try {
      const error = await lookup(d, participant).catch((e) => e);
      expect(error).toMatchObject({ code: 'smp-signer-untrusted', certificateFailure: 'revocation-unknown', isTransient: true, isNegativeAnswer: false });
    } finally {
      revocation.ocspMode = 'ok';
      revocation.crlMode = 'ok';
    }
    expect((await lookup(d, participant)).endpoint.url).toBe(AP_URL);
  });

  it('refuses an SMP answer with a DOCTYPE and a server error', async () => {
    const participant = nextParticipant();
    register(participant);
    smp.serve(path(participant), '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>');
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-bad-response' });
    smp.serve(path(participant), 'oops', 503);
    await expect(lookup(discovery(), participant)).rejects.toMatchObject({ code: 'smp-unreachable' });
  });
});
