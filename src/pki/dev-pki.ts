import { KeyObject, randomBytes } from 'node:crypto';
import { RSA_SHA256, subtle, x509, type CryptoKeyPair } from './x509-crypto.js';

/**
 * A throw-away test PKI shaped like the Peppol one (root → AP CA → AP certificates, root → SMP CA →
 * SMP certificate), for development and tests only. Every name carries DEV_MARK so a dev certificate
 * can never be mistaken for a real one.
 */
export const DEV_MARK = 'DEV ONLY - NOT FOR PRODUCTION';

/** Password of the dev PKCS#12 file written by `writeDevPki` (documented in certs-dev/README.md). */
export const DEV_P12_PASSWORD = 'peppol-dev';

/** Where the dev certificates say their OCSP responder and CRLs live, unless the caller chooses. */
const DEV_OCSP_URL = 'http://127.0.0.1:8089/ocsp';
const DEV_CRL_BASE_URL = 'http://127.0.0.1:8089/crl';

export interface DevPkiEntry {
  certPem: string;
  /** PKCS#8 PEM of the private key. */
  keyPem: string;
  subjectCn: string;
}

export interface DevPki {
  rootCa: DevPkiEntry;
  /** Issues AP certificates (like PEPPOL ACCESS POINT TEST CA - G3). */
  apCa: DevPkiEntry;
  /** This access point (seat id PDK000001). */
  ourAp: DevPkiEntry;
  /** Another access point we exchange messages with (PDK000002). */
  partnerAp: DevPkiEntry;
  /** A valid AP certificate meant to be reported as revoked by test OCSP responders and CRLs. */
  revokedAp: DevPkiEntry;
  /** Issued by apCa, validity entirely in the past. */
  expiredAp: DevPkiEntry;
  /** A separate root nobody trusts. */
  untrustedCa: DevPkiEntry;
  /** AP-shaped certificate issued by untrustedCa. */
  untrustedAp: DevPkiEntry;
  /** Issues SMP certificates (like PEPPOL SERVICE METADATA PUBLISHER TEST CA - G3). */
  smpCa: DevPkiEntry;
  /** Signs SMP responses. */
  smp: DevPkiEntry;
  /** Delegated OCSP responder for certificates issued by apCa (EKU OCSPSigning). */
  ocspResponder: DevPkiEntry;
}

export interface DevPkiOptions {
  /** Reference time for validity periods; defaults to now. */
  now?: Date;
  /** OCSP URL put in the Authority Information Access of end-entity certificates. */
  ocspUrl?: string;
  /** Base URL of the CRLs named in CRL distribution points (`…/ap-ca.crl`, `…/smp-ca.crl`). */
  crlBaseUrl?: string;
}

const DAY_MS = 86_400_000;
const CA_KEY_USAGE = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
// G3 AP certificates: digitalSignature + keyEncipherment + dataEncipherment, EKU clientAuth.
const AP_KEY_USAGE =
  x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment;

interface Issued {
  entry: DevPkiEntry;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

interface IssueRequest {
  subject: string;
  subjectCn: string;
  issuer?: Issued;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  keyUsage: number;
  extendedKeyUsage?: string[];
  ocspUrl?: string;
  crlUrl?: string;
}

export async function createDevPki(opts: DevPkiOptions = {}): Promise<DevPki> {
  const now = opts.now ?? new Date();
  const ocspUrl = opts.ocspUrl ?? DEV_OCSP_URL;
  const crlBase = (opts.crlBaseUrl ?? DEV_CRL_BASE_URL).replace(/\/+$/, '');
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const caName = (cn: string) => `C=DK, O=${DEV_MARK}, OU=FOR TEST ONLY, CN=${cn}`;
  const apName = (cn: string) => `C=DK, O=${DEV_MARK}, OU=PEPPOL TEST AP, CN=${cn}`;
  const ca = (subjectCn: string, issuer?: Issued): IssueRequest => ({
    subject: caName(subjectCn),
    subjectCn,
    issuer,
    notBefore: at(-5 * 365),
    notAfter: at(10 * 365),
    ca: true,
    keyUsage: CA_KEY_USAGE,
  });
  const ap = (subjectCn: string, issuer: Issued, crlName: string, notBefore = at(-1), notAfter = at(2 * 365)) => ({
    subject: apName(subjectCn),
    subjectCn,
    issuer,
    notBefore,
    notAfter,
    ca: false,
    keyUsage: AP_KEY_USAGE,
    extendedKeyUsage: [x509.ExtendedKeyUsage.clientAuth],
    ocspUrl,
    crlUrl: `${crlBase}/${crlName}`,
  });

  const [rootCa, untrustedCa] = await Promise.all([
    issue(ca('DEV PEPPOL ROOT TEST CA')),
    issue(ca('DEV UNTRUSTED ROOT CA')),
  ]);
  const [apCa, smpCa] = await Promise.all([
    issue(ca('DEV PEPPOL ACCESS POINT TEST CA', rootCa)),
    issue(ca('DEV PEPPOL SERVICE METADATA PUBLISHER TEST CA', rootCa)),
  ]);
  const [ourAp, partnerAp, revokedAp, expiredAp, untrustedAp, smp, ocspResponder] = await Promise.all([
    issue(ap('PDK000001', apCa, 'ap-ca.crl')),
    issue(ap('PDK000002', apCa, 'ap-ca.crl')),
    issue(ap('PDK000003', apCa, 'ap-ca.crl')),
    issue(ap('PDK000004', apCa, 'ap-ca.crl', at(-3 * 365), at(-365))),
    issue(ap('PDK000666', untrustedCa, 'untrusted-ca.crl')),
    issue({
      ...ap('PDK000070', smpCa, 'smp-ca.crl'),
      subject: `C=DK, O=${DEV_MARK}, OU=PEPPOL TEST SMP, CN=PDK000070`,
      keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      extendedKeyUsage: [x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.serverAuth],
    }),
    issue({
      subject: `C=DK, O=${DEV_MARK}, OU=FOR TEST ONLY, CN=DEV OCSP RESPONDER`,
      subjectCn: 'DEV OCSP RESPONDER',
      issuer: apCa,
      notBefore: at(-1),
      notAfter: at(365),
      ca: false,
      keyUsage: x509.KeyUsageFlags.digitalSignature,
      extendedKeyUsage: [x509.ExtendedKeyUsage.ocspSigning],
    }),
  ]);

  return {
    rootCa: rootCa.entry,
    apCa: apCa.entry,
    ourAp: ourAp.entry,
    partnerAp: partnerAp.entry,
    revokedAp: revokedAp.entry,
    expiredAp: expiredAp.entry,
    untrustedCa: untrustedCa.entry,
    untrustedAp: untrustedAp.entry,
    smpCa: smpCa.entry,
    smp: smp.entry,
    ocspResponder: ocspResponder.entry,
  };
}

async function issue(req: IssueRequest): Promise<Issued> {
  const keys = (await subtle.generateKey(RSA_SHA256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(req.ca, undefined, true),
    new x509.KeyUsagesExtension(req.keyUsage, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (req.issuer) {
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(req.issuer.keys.publicKey));
  }
  if (req.extendedKeyUsage) extensions.push(new x509.ExtendedKeyUsageExtension(req.extendedKeyUsage));
  if (req.ocspUrl) extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: req.ocspUrl }));
  if (req.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([req.crlUrl]));

  const common = {
    serialNumber: positiveSerial(),
    notBefore: req.notBefore,
    notAfter: req.notAfter,
    extensions,
    signingAlgorithm: RSA_SHA256,
  };
  const cert = req.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: req.subject,
        issuer: req.issuer.cert.subjectName,
        publicKey: keys.publicKey,
        signingKey: req.issuer.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: req.subject, keys });

  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { entry: { certPem: cert.toString('pem'), keyPem, subjectCn: req.subjectCn }, cert, keys };
}

/** 128-bit serial, top bit clear so the DER INTEGER stays positive, never starting with a zero byte. */
function positiveSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}
