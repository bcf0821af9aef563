import path from 'node:path';
import { ConfigError } from '../config/define-config.js';
import { CertificateParseError, parseCertificate, type ParsedCertificate } from './certificate.js';
import { DEV_PKI_FILES } from './dev-pki-files.js';
import { splitPemCertificates } from './pem.js';
import { PEPPOL_CA_DIR, PEPPOL_CAS, type PeppolCa } from './peppol-cas.js';
import type { PeppolStage, PkiConfig } from './pki.config.js';
import { PkiFiles } from './pki-files.js';

/** What a certificate is validated for: an access point (AS4 signing/encryption) or an SMP (response signing). */
export type CertPurpose = 'ap' | 'smp';

export interface TrustAnchor {
  cert: ParsedCertificate;
  /** Where it came from, for messages and the `describe()` listing. */
  label: string;
}

/**
 * The CAs we trust, split the Peppol way: roots, and per purpose the issuing CAs allowed to issue
 * leaf certificates (AP CA for access points, SMP CA for SMPs). A leaf must be issued by an issuing
 * CA of its purpose; a test CA in a production store (or the reverse) is simply absent.
 */
export class TrustStore {
  constructor(
    readonly roots: readonly TrustAnchor[],
    readonly issuers: Readonly<Record<CertPurpose, readonly TrustAnchor[]>>,
  ) {}

  /** Built-in Peppol CAs of the stage, the dev PKI in dev, plus AP_TRUSTED_CAS / PKI_SMP_TRUSTED_CAS. */
  static async load(cfg: PkiConfig, files: PkiFiles = new PkiFiles()): Promise<TrustStore> {
    const roots: TrustAnchor[] = [];
    const issuers: Record<CertPurpose, TrustAnchor[]> = { ap: [], smp: [] };

    for (const ca of builtInCasFor(cfg.stage, cfg.acceptG2)) {
      const anchor = await loadBuiltIn(ca, files);
      if (ca.role === 'root') roots.push(anchor);
      else issuers[ca.role].push(anchor);
    }
    if (cfg.stage === 'dev') {
      const read = async (file: string) => {
        const full = path.join(cfg.devDir, file);
        try {
          return { cert: parseCertificate((await files.read(full, cfg.fileMaxBytes)).toString('utf8')), label: `dev PKI ${full}` };
        } catch (error) {
          throw new ConfigError(`PKI_DEV_DIR (${cfg.devDir}): cannot read ${file} (run "peppol-ap pki init"): ${(error as Error).message}`);
        }
      };
      roots.push(await read(DEV_PKI_FILES.rootCa.cert));
      issuers.ap.push(await read(DEV_PKI_FILES.apCa.cert));
      issuers.smp.push(await read(DEV_PKI_FILES.smpCa.cert));
    }
    for (const [variable, list, purpose] of [
      ['AP_TRUSTED_CAS', cfg.trustedCaFiles, 'ap'],
      ['PKI_SMP_TRUSTED_CAS', cfg.smpTrustedCaFiles, 'smp'],
    ] as const) {
      for (const file of list) {
        for (const anchor of await loadConfigured(variable, file, files, cfg.fileMaxBytes)) {
          // An explicitly configured CA may issue leaves directly; a self-signed one also anchors chains.
          issuers[purpose].push(anchor);
          if (isSelfIssued(anchor.cert)) roots.push(anchor);
        }
      }
    }
    return new TrustStore(dedupe(roots), { ap: dedupe(issuers.ap), smp: dedupe(issuers.smp) });
  }

  /** One line per trusted CA, for the CLI and health output. */
  describe(): string[] {
    const line = (kind: string, a: TrustAnchor) =>
      `${kind}: ${a.cert.node.subject.replace(/\n/g, ', ')} (until ${a.cert.notAfter.toISOString().slice(0, 10)}, sha256 ${a.cert.sha256.slice(0, 16)}…) [${a.label}]`;
    return [
      ...this.roots.map((a) => line('root', a)),
      ...this.issuers.ap.map((a) => line('AP issuer', a)),
      ...this.issuers.smp.map((a) => line('SMP issuer', a)),
    ];
  }
}

/** Test CAs in test and dev, production CAs in production; G2 only when asked for. */
function builtInCasFor(stage: PeppolStage, acceptG2: boolean): PeppolCa[] {
  const network = stage === 'production' ? 'production' : 'test';
  return PEPPOL_CAS.filter((ca) => ca.network === network && (ca.generation === 'G3' || acceptG2));
}

function isSelfIssued(cert: ParsedCertificate): boolean {
  return cert.node.checkIssued(cert.node) && cert.node.verify(cert.node.publicKey);
}

async function loadBuiltIn(ca: PeppolCa, files: PkiFiles): Promise<TrustAnchor> {
  const file = path.join(PEPPOL_CA_DIR, ca.file);
  let cert: ParsedCertificate;
  try {
    cert = parseCertificate((await files.read(file, 65_536)).toString('utf8'));
  } catch (error) {
    throw new Error(`Built-in Peppol CA ${file} is unreadable: ${(error as Error).message}`);
  }
  if (cert.sha256 !== ca.sha256) {
    throw new Error(`Built-in Peppol CA ${file} does not match its pinned SHA-256 ${ca.sha256}`);
  }
  return { cert, label: `Peppol ${ca.network} ${ca.generation}` };
}

async function loadConfigured(variable: string, file: string, files: PkiFiles, maxBytes: number): Promise<TrustAnchor[]> {
  let text: string;
  try {
    text = (await files.read(file, maxBytes)).toString('utf8');
  } catch (error) {
    throw new ConfigError(`${variable} (${file}): cannot read: ${(error as Error).message}`);
  }
  const blocks = splitPemCertificates(text);
  if (blocks.length === 0) throw new ConfigError(`${variable} (${file}): no "BEGIN CERTIFICATE" block found`);
  return blocks.map((pem, index) => {
    let cert: ParsedCertificate;
    try {
      cert = parseCertificate(pem);
    } catch (error) {
      const reason = error instanceof CertificateParseError ? error.message : String(error);
      throw new ConfigError(`${variable} (${file}): certificate #${index + 1}: ${reason}`);
    }
    if (!cert.node.ca) throw new ConfigError(`${variable} (${file}): certificate #${index + 1} (${cert.subjectCn ?? '?'}) is not a CA`);
    return { cert, label: `${variable} ${file}` };
  });
}

function dedupe(anchors: TrustAnchor[]): TrustAnchor[] {
  const seen = new Set<string>();
  return anchors.filter((a) => !seen.has(a.cert.sha256) && seen.add(a.cert.sha256));
}
