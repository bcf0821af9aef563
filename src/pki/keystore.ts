import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { ConfigError } from '../config/define-config.js';
import { splitPemCertificates } from './pem.js';
import type { KeySource } from './pki.config.js';
import { PkiFiles } from './pki-files.js';

/** This access point's signing/decryption identity. */
export interface ApCredentials {
  privateKey: KeyObject;
  certificate: X509Certificate;
  certPem: string;
  /** Further certificates found beside ours (issuing CA, root), leaf first; may be empty. */
  chain: X509Certificate[];
  /** CN of our certificate = our Seat id = AS4 PartyId. */
  subjectCn: string;
}

/** Loads our key and certificate from PEM files or a PKCS#12 file, failing with the variable to fix. */
export class ApKeystore {
  constructor(
    private readonly files: PkiFiles = new PkiFiles(),
    private readonly maxFileBytes = 1_048_576,
  ) {}

  async load(source: KeySource | undefined): Promise<ApCredentials> {
    if (!source) {
      throw new ConfigError('Invalid configuration: AP_CERT and AP_KEY (or AP_P12) must be set to sign and decrypt');
    }
    return source.kind === 'p12' ? this.loadP12(source) : this.loadPem(source);
  }

  private async loadPem(source: Extract<KeySource, { kind: 'pem' }>): Promise<ApCredentials> {
    const certText = (await this.readVariable(source.certVariable, source.certFile)).toString('utf8');
    const keyText = (await this.readVariable(source.keyVariable, source.keyFile)).toString('utf8');
    let certificates: X509Certificate[];
    try {
      certificates = splitPemCertificates(certText).map((pem) => new X509Certificate(pem));
    } catch (error) {
      throw new ConfigError(`${source.certVariable} (${source.certFile}): not a PEM certificate: ${(error as Error).message}`);
    }
    if (certificates.length === 0) {
      throw new ConfigError(`${source.certVariable} (${source.certFile}): no "BEGIN CERTIFICATE" block found`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: keyText, format: 'pem', passphrase: source.keyPassword });
    } catch (error) {
      const hint = /passphrase|decrypt/i.test((error as Error).message) ? ' (wrong or missing AP_KEY_PASSWORD?)' : '';
      throw new ConfigError(`${source.keyVariable} (${source.keyFile}): not a readable private key${hint}: ${(error as Error).message}`);
    }
    return this.assemble(privateKey, certificates, `${source.keyVariable} (${source.keyFile})`, `${source.certVariable} (${source.certFile})`);
  }

  private async loadP12(source: Extract<KeySource, { kind: 'p12' }>): Promise<ApCredentials> {
    const label = `${source.fileVariable} (${source.file})`;
    const der = await this.readVariable(source.fileVariable, source.file);
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
      // forge only unwraps the container (and checks its password MAC); keys are used via node:crypto.
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, source.password);
    } catch (error) {
      const message = (error as Error).message;
      const cause = /mac|password|invalid/i.test(message) ? `wrong ${source.passwordVariable} or corrupt file` : message;
      throw new ConfigError(`${label}: cannot open PKCS#12: ${cause}`);
    }
    const keyBags = [
      ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
      ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
    ];
    const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
    if (keyBags.length !== 1 || !keyBags[0]!.key) {
      throw new ConfigError(`${label}: expected exactly one private key, found ${keyBags.length}`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBags[0]!.key));
    } catch (error) {
      throw new ConfigError(`${label}: unusable private key: ${(error as Error).message}`);
    }
    const certificates = certBags
      .filter((bag) => bag.cert)
      .map((bag) => new X509Certificate(forge.pki.certificateToPem(bag.cert!)));
    if (certificates.length === 0) throw new ConfigError(`${label}: contains no certificate`);
    return this.assemble(privateKey, certificates, label, label);
  }

  /** Picks the certificate that belongs to the key; everything else in the file is chain. */
  private assemble(privateKey: KeyObject, certificates: X509Certificate[], keyLabel: string, certLabel: string): ApCredentials {
    if (privateKey.asymmetricKeyType !== 'rsa') {
      throw new ConfigError(`${keyLabel}: Peppol needs an RSA key, found ${privateKey.asymmetricKeyType ?? 'unknown'}`);
    }
    const own = certificates.find((cert) => cert.checkPrivateKey(privateKey));
    if (!own) {
      const subjects = certificates.map((c) => c.subject.replace(/\n/g, ', ')).join('; ');
      throw new ConfigError(`${keyLabel} does not match the certificate in ${certLabel} (${subjects})`);
    }
    const subjectCn = commonName(own);
    if (!subjectCn) throw new ConfigError(`${certLabel}: certificate subject has no CN (the Peppol Seat id)`);
    return {
      privateKey,
      certificate: own,
      certPem: own.toString(),
      chain: certificates.filter((cert) => cert !== own),
      subjectCn,
    };
  }

  private async readVariable(variable: string, file: string): Promise<Buffer> {
    try {
      return await this.files.read(file, this.maxFileBytes);
    } catch (error) {
      throw new ConfigError(`${variable} (${file}): cannot read: ${(error as Error).message}`);
    }
  }
}

/** CN of a certificate subject read by attribute type, whatever the RDN order. */
export function commonName(cert: X509Certificate): string | undefined {
  for (const line of cert.subject.split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3);
  }
  return undefined;
}
