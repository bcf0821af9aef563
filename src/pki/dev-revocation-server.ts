import { createHash, webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import type { DevPki, DevPkiEntry } from './dev-pki.js';
import { pkijs, pkijsEngine } from './pkijs-engine.js';
import { x509 } from './x509-crypto.js';

const NONCE_OID = '1.3.6.1.5.5.7.48.1.2';
/** OCSP requests are a few hundred bytes. */
const MAX_REQUEST_BYTES = 16_384;

export type OcspMode = 'ok' | 'http-500' | 'try-later' | 'hang' | 'garbage' | 'stale' | 'wrong-nonce' | 'huge';
/**
 * Who signs OCSP responses for AP certificates: the delegated responder, the CA itself, an outsider,
 * or a certificate of the right CA that lacks the OCSPSigning EKU.
 */
export type OcspSigner = 'delegated' | 'ca' | 'untrusted' | 'no-ocsp-eku';
export type CrlMode = 'ok' | 'http-404' | 'wrong-key' | 'stale';

export interface Revocation {
  at: Date;
  reason: x509.X509CrlReason;
}

/**
 * DEV ONLY: an OCSP responder + CRL server for the dev PKI (built with pkijs and @peculiar/x509), on
 * loopback. Serves the URLs written into dev certificates, so the dev stage can run with revocation
 * checks; tests switch its behaviour (modes, signer), revoke serials and read the counters.
 */
export class DevRevocationServer {
  readonly revoked = new Map<string, Revocation>();
  ocspMode: OcspMode = 'ok';
  ocspSigner: OcspSigner = 'delegated';
  crlMode: CrlMode = 'ok';
  nextUpdateMs = 3_600_000;
  ocspRequests = 0;
  crlRequests = 0;
  now: () => Date = () => new Date();
  private server?: Server;
  private pki?: DevPki;
  private readonly hanging: ServerResponse[] = [];

  async start(port = 0, host = '127.0.0.1'): Promise<{ ocspUrl: string; crlBaseUrl: string }> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    const { port: bound } = this.server.address() as AddressInfo;
    return { ocspUrl: `http://${host}:${bound}/ocsp`, crlBaseUrl: `http://${host}:${bound}/crl` };
  }

  use(pki: DevPki): void {
    this.pki = pki;
  }

  revoke(entry: DevPkiEntry, revocation: Revocation): void {
    this.revoked.set(new x509.X509Certificate(entry.certPem).serialNumber.toLowerCase(), revocation);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).byteLength;
      if (size > MAX_REQUEST_BYTES) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    try {
      if (req.method === 'POST' && req.url === '/ocsp') {
        this.ocspRequests++;
        await this.answerOcsp(body, res);
      } else if (req.method === 'GET' && req.url?.startsWith('/crl/')) {
        this.crlRequests++;
        await this.answerCrl(req.url.slice('/crl/'.length), res);
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }

  private async answerOcsp(body: Buffer, res: ServerResponse): Promise<void> {
    switch (this.ocspMode) {
      case 'http-500':
        res.writeHead(500).end('down');
        return;
      case 'hang':
        this.hanging.push(res);
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end('this is not DER');
        return;
      case 'huge':
        res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.alloc(200_000));
        return;
      case 'try-later': {
        const tryLater = new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: 3 }) });
        res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(tryLater.toSchema().toBER(false)));
        return;
      }
    }
    const pki = this.pki!;
    const request = pkijs.OCSPRequest.fromBER(new Uint8Array(body));
    const reqCert = request.tbsRequest.requestList[0]!.reqCert;
    const issuerKeyHash = Buffer.from(reqCert.issuerKeyHash.valueBlock.valueHexView).toString('hex');
    const ca = [pki.apCa, pki.smpCa, pki.untrustedCa].find((c) => sha1OfPublicKey(c) === issuerKeyHash);
    if (!ca) throw new Error('unknown issuer');
    const signer =
      this.ocspSigner === 'untrusted'
        ? pki.untrustedCa
        : this.ocspSigner === 'no-ocsp-eku'
          ? pki.partnerAp
          : this.ocspSigner === 'delegated' && ca === pki.apCa
            ? pki.ocspResponder
            : ca;
    const signerCert = pkijs.Certificate.fromBER(pemToDer(signer.certPem));

    const now = this.now();
    const serial = Buffer.from(reqCert.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^00/, '');
    const revocation = this.revoked.get(serial);
    const single = new pkijs.SingleResponse({ certID: reqCert });
    single.certStatus = revocation
      ? new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 1 },
          value: [
            new asn1js.GeneralizedTime({ valueDate: revocation.at }),
            new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Enumerated({ value: revocation.reason })] }),
          ],
        })
      : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
    single.thisUpdate = this.ocspMode === 'stale' ? new Date(now.getTime() - 2 * this.nextUpdateMs) : now;
    single.nextUpdate = new Date(single.thisUpdate.getTime() + this.nextUpdateMs);

    const basic = new pkijs.BasicOCSPResponse();
    basic.tbsResponseData.responderID = signerCert.subject;
    basic.tbsResponseData.producedAt = now;
    basic.tbsResponseData.responses.push(single);
    const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === NONCE_OID);
    if (nonce) {
      const value =
        this.ocspMode === 'wrong-nonce' ? new asn1js.OctetString({ valueHex: new Uint8Array(16).fill(7) }).toBER(false) : new Uint8Array(nonce.extnValue.valueBlock.valueHexView).buffer;
      basic.tbsResponseData.responseExtensions = [new pkijs.Extension({ extnID: NONCE_OID, extnValue: value })];
    }
    if (signer !== ca) basic.certs = [signerCert];
    await basic.sign(await importSigningKey(signer.keyPem), 'SHA-256', pkijsEngine);

    const response = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: pkijs.id_PKIX_OCSP_Basic,
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
      }),
    });
    res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(response.toSchema().toBER(false)));
  }

  private async answerCrl(name: string, res: ServerResponse): Promise<void> {
    if (this.crlMode === 'http-404') {
      res.writeHead(404).end();
      return;
    }
    const pki = this.pki!;
    const ca = { 'ap-ca.crl': pki.apCa, 'smp-ca.crl': pki.smpCa, 'untrusted-ca.crl': pki.untrustedCa }[name];
    if (!ca) {
      res.writeHead(404).end();
      return;
    }
    const now = this.now();
    const thisUpdate = this.crlMode === 'stale' ? new Date(now.getTime() - 2 * this.nextUpdateMs) : now;
    const signingKey = this.crlMode === 'wrong-key' ? pki.untrustedCa.keyPem : ca.keyPem;
    const crl = await x509.X509CrlGenerator.create({
      issuer: new x509.X509Certificate(ca.certPem).subjectName,
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + this.nextUpdateMs),
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as never,
      signingKey: await importSigningKey(signingKey),
      entries: [...this.revoked.entries()].map(([serialNumber, r]) => ({ serialNumber, revocationDate: r.at, reason: r.reason })),
    });
    res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(crl.rawData));
  }
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const out = new Uint8Array(der.byteLength);
  out.set(der);
  return out;
}

function sha1OfPublicKey(entry: DevPkiEntry): string {
  const cert = pkijs.Certificate.fromBER(pemToDer(entry.certPem));
  return createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex');
}

async function importSigningKey(keyPem: string): Promise<never> {
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return (await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])) as never;
}
