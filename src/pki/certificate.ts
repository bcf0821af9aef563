import { X509Certificate } from 'node:crypto';
import { x509 } from './x509-crypto.js';

/** A certificate as node:crypto (signatures, key checks) and @peculiar/x509 (extensions) see it. */
export interface ParsedCertificate {
  node: X509Certificate;
  x509: x509.X509Certificate;
  der: Buffer;
  subjectCn: string | undefined;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER, lower-case hex. */
  sha256: string;
}

/** PEM text, base64 of the DER (as SMPs publish it), raw DER, or an already parsed certificate. */
export type CertificateInput = string | Uint8Array | X509Certificate | x509.X509Certificate | ParsedCertificate;

export class CertificateParseError extends Error {
  override name = 'CertificateParseError';
}

/** Largest certificate we parse; real Peppol certificates are under 3 KB. */
const MAX_CERTIFICATE_BYTES = 65_536;

export function parseCertificate(input: CertificateInput, maxBytes = MAX_CERTIFICATE_BYTES): ParsedCertificate {
  if (isParsed(input)) return input;
  const der = toDer(input, maxBytes);
  let node: X509Certificate;
  let parsed: x509.X509Certificate;
  try {
    node = new X509Certificate(der);
    parsed = new x509.X509Certificate(new Uint8Array(der));
  } catch (error) {
    throw new CertificateParseError(`not an X.509 certificate: ${(error as Error).message}`);
  }
  return {
    node,
    x509: parsed,
    der,
    subjectCn: parsed.subjectName.getField('CN')[0],
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    sha256: node.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}

function isParsed(input: CertificateInput): input is ParsedCertificate {
  return typeof input === 'object' && input !== null && 'node' in input && 'x509' in input && 'der' in input;
}

function toDer(input: Exclude<CertificateInput, ParsedCertificate>, maxBytes: number): Buffer {
  if (input instanceof X509Certificate) return input.raw;
  if (input instanceof x509.X509Certificate) return Buffer.from(input.rawData);
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) throw new CertificateParseError(`certificate is ${input.byteLength} bytes, more than ${maxBytes}`);
    return Buffer.from(input);
  }
  if (input.length > maxBytes * 2) throw new CertificateParseError(`certificate text is longer than ${maxBytes * 2} characters`);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(input);
  const base64 = (pem ? pem[1]! : input).replace(/\s+/g, '');
  if (base64.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new CertificateParseError('expected a PEM certificate or the base64 of its DER');
  }
  const der = Buffer.from(base64, 'base64');
  if (der.byteLength > maxBytes) throw new CertificateParseError(`certificate is ${der.byteLength} bytes, more than ${maxBytes}`);
  return der;
}
