import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { Clock } from '../common/clock.js';
import { BoundedHttpClient } from './bounded-http.js';
import type { ParsedCertificate } from './certificate.js';
import { pkijs, pkijsEngine } from './pkijs-engine.js';
import type { RevocationStatus } from './revocation.js';
import { x509 } from './x509-crypto.js';

const ID_PKIX_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';
const RESPONSE_STATUS_NAMES = ['successful', 'malformedRequest', 'internalError', 'tryLater', '(4)', 'sigRequired', 'unauthorized'];

export interface OcspClientOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Tolerance when judging thisUpdate / nextUpdate against our clock. */
  clockSkewMs: number;
}

/**
 * Asks an OCSP responder (RFC 6960, HTTP POST) about one certificate. The response must be signed by
 * the issuing CA or by a responder it delegated (EKU OCSPSigning), answer for exactly our CertID,
 * echo our nonce when it carries one, and be current. Anything else is "unknown", never "good".
 */
export class OcspClient {
  constructor(
    private readonly http: BoundedHttpClient,
    private readonly clock: Clock,
    private readonly options: OcspClientOptions,
  ) {}

  async check(cert: ParsedCertificate, issuer: ParsedCertificate, url: string): Promise<RevocationStatus> {
    try {
      return await this.query(cert, issuer, url);
    } catch (error) {
      return { status: 'unknown', reason: `OCSP ${url}: ${(error as Error).message}` };
    }
  }

  private async query(cert: ParsedCertificate, issuer: ParsedCertificate, url: string): Promise<RevocationStatus> {
    const leaf = pkijs.Certificate.fromBER(new Uint8Array(cert.der));
    const issuerCert = pkijs.Certificate.fromBER(new Uint8Array(issuer.der));

    const request = new pkijs.OCSPRequest();
    // SHA-1 CertIDs are what every responder (RFC 5019 profile included) understands.
    await request.createForCertificate(leaf, { hashAlgorithm: 'SHA-1', issuerCertificate: issuerCert }, pkijsEngine);
    const nonce = randomBytes(16);
    request.tbsRequest.requestExtensions = [
      new pkijs.Extension({
        extnID: ID_PKIX_OCSP_NONCE,
        extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER(false),
      }),
    ];
    const certId = request.tbsRequest.requestList[0]!.reqCert;

    const response = await this.http.request({
      method: 'POST',
      url,
      body: new Uint8Array(request.toSchema(true).toBER(false)),
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxResponseBytes,
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);

    const ocspResponse = parseOr(() => pkijs.OCSPResponse.fromBER(new Uint8Array(response.body)), 'not a DER OCSPResponse');
    const responseStatus = ocspResponse.responseStatus.valueBlock.valueDec;
    if (responseStatus !== 0) {
      throw new Error(`responder answered "${RESPONSE_STATUS_NAMES[responseStatus] ?? responseStatus}"`);
    }
    if (!ocspResponse.responseBytes || ocspResponse.responseBytes.responseType !== pkijs.id_PKIX_OCSP_Basic) {
      throw new Error('response is not a basic OCSP response');
    }
    const basic = parseOr(
      () => pkijs.BasicOCSPResponse.fromBER(new Uint8Array(ocspResponse.responseBytes!.response.valueBlock.valueHexView)),
      'malformed BasicOCSPResponse',
    );

    // A response signed by the CA itself often carries no certificates; pkijs needs the signer among
    // them, so add the issuer we already trust (a delegated responder brings its own certificate).
    if (!basic.certs || basic.certs.length === 0) basic.certs = [issuerCert];
    let signatureOk: boolean;
    try {
      // The issuing CA (already validated by our chain logic) may sign directly; anyone else must be a
      // responder that CA delegated with EKU OCSPSigning, which pkijs checks against trustedCerts.
      signatureOk = await basic.verify(
        { trustedCerts: [issuerCert], issuerCerts: [issuerCert], trustedResponders: [issuerCert] },
        pkijsEngine,
      );
    } catch (error) {
      throw new Error(`response signer not authorised: ${(error as Error).message}`);
    }
    if (!signatureOk) throw new Error('response signature does not verify');

    const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === ID_PKIX_OCSP_NONCE);
    if (echoed) {
      const value = asn1js.fromBER(echoed.extnValue.valueBlock.valueHexView);
      const echoedNonce = value.result instanceof asn1js.OctetString ? Buffer.from(value.result.valueBlock.valueHexView) : undefined;
      if (!echoedNonce || !echoedNonce.equals(nonce)) throw new Error('response nonce does not match the request');
    }

    let single: pkijs.SingleResponse | undefined;
    for (const candidate of basic.tbsResponseData.responses) {
      if (candidate.certID.isEqual(certId)) single = candidate;
    }
    if (!single) throw new Error('response does not cover the requested certificate');

    const now = this.clock.now().getTime();
    if (single.thisUpdate.getTime() > now + this.options.clockSkewMs) {
      throw new Error(`response thisUpdate ${single.thisUpdate.toISOString()} is in the future`);
    }
    if (single.nextUpdate && single.nextUpdate.getTime() < now - this.options.clockSkewMs) {
      throw new Error(`response is stale (nextUpdate ${single.nextUpdate.toISOString()})`);
    }
    const checkedAt = this.clock.now();
    const status = single.certStatus as asn1js.BaseBlock;
    switch (status.idBlock.tagNumber) {
      case 0:
        return { status: 'good', source: 'ocsp', checkedAt, nextUpdate: single.nextUpdate };
      case 1: {
        const revoked = readRevokedInfo(status);
        return { status: 'revoked', source: 'ocsp', checkedAt, ...revoked };
      }
      default:
        throw new Error('responder does not know the certificate (status "unknown")');
    }
  }
}

/** RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL } */
function readRevokedInfo(status: asn1js.BaseBlock): { revokedAt?: Date; reason?: string } {
  const parts = (status as asn1js.Constructed).valueBlock?.value ?? [];
  const time = parts[0];
  const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
  const reasonHolder = parts[1] as asn1js.Constructed | undefined;
  const reasonValue = reasonHolder?.valueBlock?.value?.[0];
  const code = reasonValue instanceof asn1js.Enumerated ? reasonValue.valueBlock.valueDec : undefined;
  return { revokedAt, reason: code === undefined ? undefined : (x509.X509CrlReason[code] ?? `reason ${code}`) };
}

function parseOr<T>(parse: () => T, message: string): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${message}: ${(error as Error).message}`);
  }
}

/** The OCSP URL from the certificate's Authority Information Access, if any (http only). */
export function ocspUrlOf(cert: ParsedCertificate): string | undefined {
  const aia = cert.x509.getExtension(x509.AuthorityInfoAccessExtension);
  const urls = (aia?.ocsp ?? []).filter((name) => name.type === 'url').map((name) => name.value);
  return urls.find((u) => u.startsWith('http://') || u.startsWith('https://'));
}
