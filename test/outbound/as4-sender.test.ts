import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { naptrNameFor } from '../../src/discovery/sml-names.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { EndpointResolutionError } from '../../src/outbound/endpoint-resolver.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { createDevPki, type DevPki, type DevPkiEntry } from '../../src/pki/dev-pki.js';
import { x509 } from '../../src/pki/x509-crypto.js';
import { orderXml } from '../as4/support/scenario.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata, smp2Metadata, type EndpointSpec } from '../discovery/support/smp-documents.js';
import { DevRevocationServer } from '../pki/support/dev-revocation-server.js';
import { LoopbackReceiver } from './support/loopback-receiver.js';
import { apCertificateWithoutRevocationSources } from '../pki/support/no-revocation-source.js';
import { bytesOf, devTrustStore, ORDER, ORDERING, senderStack, sendDocument, SML_ZONE, TableResolver, type SenderStack } from './support/sender-stack.js';

const BUYER = '0088:5798000000001';
/** A port nothing listens on: the OCSP responder is unreachable. */
const CLOSED_OCSP = 'http://127.0.0.1:9/ocsp';

describe('As4Sender over loopback: discovery, PKI and the receiver', () => {
  const smp = new FakeSmpServer();
  const revocation = new DevRevocationServer();
  const dns = new TableResolver();
  const clock = new Clock();
  let pki: DevPki;
  let receiver: LoopbackReceiver;
  let stack: SenderStack;
  let counter = 0;

  /** A fresh supplier per test: own SML entry, own SMP entry, served by the receiver. */
  const supplier = (opts: { register?: boolean; serve?: boolean } = {}) => {
    const id = `0088:${String(7300000000000 + ++counter)}`;
    if (opts.register ?? true) {
      const name = naptrNameFor({ scheme: 'iso6523-actorid-upis', value: id }, SML_ZONE);
      dns.naptr.set(name, [{ flags: 'U', service: 'Meta:SMP', regexp: `!^.*$!${smp.url}!`, replacement: '', order: 100, preference: 10 }]);
    }
    if (opts.serve ?? true) receiver.serve(id, ORDER, ORDERING);
    return id;
  };
  const publish = (participant: string, over: Partial<EndpointSpec> = {}, format: 'smp1' | 'smp2' = 'smp1', alter?: (xml: string) => string) => {
    const spec = { participant, documentType: ORDER.value, process: ORDERING.value, endpoints: [{ address: receiver.url, certificatePem: pki.partnerAp.certPem, ...over }] };
    const signed = signEnveloped(format === 'smp1' ? smp1Metadata(spec) : smp2Metadata(spec), pki.smp.keyPem, pki.smp.certPem);
    smp.serve(serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(`${ORDER.scheme}::${ORDER.value}`)), alter ? alter(signed) : signed);
  };
  const send = (s: SenderStack, to: string, explicit?: DevPkiEntry) =>
    sendDocument(s, { sender: BUYER, receiver: to, document: bytesOf(orderXml(40)), explicit: explicit ? { url: receiver.url, certificatePem: explicit.certPem } : undefined });
  const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected a refusal'), (e: unknown) => e as EndpointResolutionError);

  beforeAll(async () => {
    await smp.start();
    const urls = await revocation.start();
    pki = await createDevPki(urls);
    revocation.use(pki);
    revocation.revoke(pki.revokedAp, { at: new Date(Date.now() - 86_400_000), reason: x509.X509CrlReason.keyCompromise });
    // The receiving AP (PDK000002) checks our signature; its revocation checks are not under test here.
    receiver = new LoopbackReceiver(pki.partnerAp, pki.ourAp, new CertificateValidator(devTrustStore(pki), { revocationPolicy: 'off' }));
    await receiver.start();
    stack = senderStack(pki, dns, clock);
  });
  afterAll(async () => {
    await stack?.transport.close();
    await receiver?.stop();
    await smp.stop();
    await revocation.stop();
  });

  it('finds the receiver through SML and a signed Peppol SMP 1 answer, sends, and accepts its signed receipt', async () => {
    const to = supplier();
    publish(to);
    const { endpoint, outcome, messageId } = await send(stack, to);
    expect(endpoint).toMatchObject({ source: 'smp', url: receiver.url, partyId: 'PDK000002' });
    expect(outcome).toMatchObject({ kind: 'receipt', httpStatus: 200, retryable: false });
    expect(outcome.kind === 'receipt' && outcome.signer.subject).toContain('CN=PDK000002');
    expect(receiver.received).toContain(messageId);
    const stored = [...receiver.store.records.values()].find((r) => r.message.key.messageId === messageId)!;
    expect(stored.sbd.toString('utf8')).toContain(`<Identifier Authority="iso6523-actorid-upis">${to}</Identifier>`);
    expect(stored.sbd.toString('utf8')).toContain('<InstanceIdentifier>DK</InstanceIdentifier>');
  });

  it('reads the OASIS SMP 2 format too', async () => {
    const to = supplier();
    publish(to, {}, 'smp2');
    expect((await send(stack, to)).outcome.kind).toBe('receipt');
  });

  it('records an ebMS error answer with its code, not retryable', async () => {
    const to = supplier({ serve: false });
    publish(to);
    const { outcome } = await send(stack, to);
    expect(outcome).toMatchObject({ kind: 'ebms-error', code: 'EBMS:0004', retryable: false });
    expect(outcome.kind === 'ebms-error' && outcome.message).toContain('PEPPOL:NOT_SERVICED');
  });

  it('refuses a receipt signed by another valid AP certificate than the one from the SMP (EBMS:0302)', async () => {
    const to = supplier();
    publish(to);
    receiver.mode = 'wrong-signer';
    try {
      const { outcome } = await send(stack, to);
      expect(outcome).toMatchObject({ kind: 'invalid-receipt', code: 'EBMS:0302', retryable: false });
      expect(outcome.kind === 'invalid-receipt' && outcome.message).toMatch(/signed by CN=PDK000001 .*not by the receiver's certificate CN=PDK000002/);
    } finally {
      receiver.mode = 'ok';
    }
  });

  it('refuses a correctly signed receipt whose NonRepudiationInformation differs from what we signed (EBMS:0302)', async () => {
    const to = supplier();
    publish(to);
    receiver.mode = 'bad-nri';
    try {
      const { outcome } = await send(stack, to);
      expect(outcome).toMatchObject({ kind: 'invalid-receipt', code: 'EBMS:0302' });
      expect(outcome.kind === 'invalid-receipt' && outcome.message).toMatch(/receipt digest for cid:.* differs from what we signed/);
    } finally {
      receiver.mode = 'ok';
    }
  });

  it('refuses an SMP answer altered after signing, permanently', async () => {
    const to = supplier();
    publish(to, {}, 'smp1', (xml) => xml.replace(receiver.url, 'http://127.0.0.1:1/as4'));
    const error = await refusal(send(stack, to));
    expect(error).toMatchObject({ code: 'discovery:smp-signature-invalid', retryable: false });
  });

  it('reports an SMP entry without an AS4 endpoint', async () => {
    const to = supplier();
    publish(to, { transportProfile: 'busdox-transport-as2-ver1p0' });
    const error = await refusal(send(stack, to));
    expect(error).toMatchObject({ code: 'discovery:no-as4-endpoint', retryable: false });
  });

  it('reports a participant with no NAPTR record as not registered', async () => {
    const to = supplier({ register: false });
    const error = await refusal(send(stack, to));
    expect(error).toMatchObject({ code: 'discovery:not-registered', retryable: false });
  });

  it('refuses a receiver certificate that OCSP reports revoked, from the SMP and given explicitly', async () => {
    const to = supplier();
    publish(to, { certificatePem: pki.revokedAp.certPem });
    const viaSmp = await refusal(send(stack, to));
    expect(viaSmp).toMatchObject({ code: 'discovery:endpoint-certificate-invalid', retryable: false });
    expect(viaSmp.message).toContain('(revoked)');
    const explicit = await refusal(send(stack, to, pki.revokedAp));
    expect(explicit).toMatchObject({ code: 'certificate:revoked', retryable: false });
    expect(explicit.message).toMatch(/revoked on .* \(keyCompromise\) according to OCSP/);
  });

  it('refuses an expired receiver certificate', async () => {
    const to = supplier();
    publish(to, { certificatePem: pki.expiredAp.certPem });
    expect(await refusal(send(stack, to))).toMatchObject({ code: 'discovery:endpoint-certificate-invalid' });
    const explicit = await refusal(send(stack, to, pki.expiredAp));
    expect(explicit).toMatchObject({ code: 'certificate:expired', retryable: false });
  });

  it('with the OCSP responder unreachable: hard-fail refuses for now (retryable), soft-fail sends with a warning', async () => {
    const to = supplier();
    publish(to);
    const hard = senderStack(pki, dns, clock, { policy: 'hard-fail', unreachableOcspUrl: CLOSED_OCSP });
    const soft = senderStack(pki, dns, clock, { policy: 'soft-fail', unreachableOcspUrl: CLOSED_OCSP });
    try {
      const explicit = await refusal(send(hard, to, pki.partnerAp));
      expect(explicit).toMatchObject({ code: 'certificate:revocation-unknown', retryable: true });
      const viaSmp = await refusal(send(hard, to));
      expect(viaSmp).toMatchObject({ retryable: true });
      expect(viaSmp.code).toMatch(/^discovery:(smp-signer-untrusted|endpoint-certificate-invalid)$/);

      const { outcome } = await send(soft, to);
      expect(outcome.kind).toBe('receipt');
      expect(soft.warnings.some((w) => w.includes('CN=PDK000002') && w.includes('accepted under soft-fail policy'))).toBe(true);
    } finally {
      await hard.transport.close();
      await soft.transport.close();
    }
  });

  it('refuses for good a receiver certificate whose revocation can never be checked (no OCSP responder, no CRL)', async () => {
    const to = supplier();
    const sourceless = await apCertificateWithoutRevocationSources(pki);
    publish(to, { certificatePem: sourceless.certPem });
    const hard = senderStack(pki, dns, clock, { policy: 'hard-fail' });
    try {
      const explicit = await refusal(send(hard, to, sourceless));
      expect(explicit).toMatchObject({ code: 'certificate:revocation-uncheckable', retryable: false });
      expect(explicit.message).toContain('names no OCSP responder and no CRL distribution point');
      const viaSmp = await refusal(send(hard, to));
      expect(viaSmp).toMatchObject({ retryable: false });
    } finally {
      await hard.transport.close();
    }
  });

  it('treats HTTP 503 and a refused connection as transient, a 4xx without a signal as final', async () => {
    const to = supplier();
    publish(to);
    receiver.mode = 'http-503';
    try {
      expect((await send(stack, to)).outcome).toMatchObject({ kind: 'http-error', httpStatus: 503, retryable: true });
    } finally {
      receiver.mode = 'ok';
    }
    const gone = await sendDocument(stack, {
      sender: BUYER,
      receiver: to,
      document: bytesOf(orderXml(1)),
      explicit: { url: 'http://127.0.0.1:9/as4', certificatePem: pki.partnerAp.certPem },
    });
    expect(gone.outcome).toMatchObject({ kind: 'transport-error', code: 'EBMS:0005', retryable: true });
    const notFound = await sendDocument(stack, {
      sender: BUYER,
      receiver: to,
      document: bytesOf(orderXml(1)),
      explicit: { url: `${smp.url}/no-such-as4`, certificatePem: pki.partnerAp.certPem },
    });
    expect(notFound.outcome).toMatchObject({ kind: 'http-error', httpStatus: 404, retryable: false });
  });

  it('refuses a document whose root does not match the document type before anything is sent', async () => {
    const to = supplier();
    publish(to);
    const invoice = Buffer.from('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>');
    await expect(sendDocument(stack, { sender: BUYER, receiver: to, document: bytesOf(invoice) })).rejects.toThrow(/does not match document type/);
    const withDtd = Buffer.from('<?xml version="1.0"?><!DOCTYPE Order [<!ENTITY e "x">]><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>');
    await expect(sendDocument(stack, { sender: BUYER, receiver: to, document: bytesOf(withDtd) })).rejects.toThrow(/DOCTYPE/);
  });
});
