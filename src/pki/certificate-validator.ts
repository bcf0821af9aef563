import { CertificateParseError, parseCertificate, type CertificateInput, type ParsedCertificate } from './certificate.js';
import type { RevocationPolicy } from './pki.config.js';
import type { RevocationChecker, RevocationStatus } from './revocation.js';
import type { CertPurpose, TrustAnchor, TrustStore } from './trust-store.js';
import { x509 } from './x509-crypto.js';

type ValidationFailureCode =
  | 'malformed'
  | 'untrusted'
  | 'wrong-purpose'
  | 'expired'
  | 'not-yet-valid'
  | 'key-usage'
  | 'revoked'
  /** Status could not be established now (responder unreachable, bad answer): may work later. */
  | 'revocation-unknown'
  /** The certificate names no OCSP responder and no CRL: its status can never be established. */
  | 'revocation-uncheckable';

export type CertificateValidation =
  | {
      valid: true;
      certificate: ParsedCertificate;
      /** The certificate's CN: for an AP its Seat id (AS4 PartyId). */
      subjectCn: string;
      issuer: ParsedCertificate;
      revocation: RevocationStatus | { status: 'not-checked' };
      /** Accepted despite these (soft-fail revocation); log them. */
      warnings: string[];
    }
  | { valid: false; code: ValidationFailureCode; message: string; certificate?: ParsedCertificate };

/** Receives soft-fail warnings (a pino logger fits). */
export interface ValidationWarningSink {
  warn(details: object, message: string): void;
}

export interface CertificateValidatorOptions {
  revocationPolicy: RevocationPolicy;
  revocation?: RevocationChecker;
  /** Tolerance for a leaf whose notBefore is slightly ahead of our clock. */
  clockSkewMs?: number;
  warnings?: ValidationWarningSink;
}

const KU = x509.KeyUsageFlags;
/** Key usages a leaf needs: APs sign and receive RSA-OAEP-wrapped keys; SMPs sign. */
const REQUIRED_KEY_USAGE: Record<CertPurpose, { flags: number; names: string }> = {
  ap: { flags: KU.digitalSignature | KU.keyEncipherment, names: 'digitalSignature and keyEncipherment' },
  smp: { flags: KU.digitalSignature, names: 'digitalSignature' },
};
const PURPOSE_NAME: Record<CertPurpose, string> = { ap: 'access point', smp: 'SMP' };

/**
 * Checks a Peppol leaf certificate: issued (signature verified) by an issuing CA of the purpose in
 * the trust store, that CA anchored in a trusted root, every certificate valid at the given time,
 * key usage fit for the purpose, and not revoked (per the revocation policy).
 */
export class CertificateValidator {
  private readonly skewMs: number;

  constructor(
    private readonly trust: TrustStore,
    private readonly options: CertificateValidatorOptions,
  ) {
    this.skewMs = options.clockSkewMs ?? 0;
  }

  async validate(input: CertificateInput, purpose: CertPurpose, at: Date): Promise<CertificateValidation> {
    let cert: ParsedCertificate;
    try {
      cert = parseCertificate(input);
    } catch (error) {
      const message = error instanceof CertificateParseError ? error.message : String(error);
      return { valid: false, code: 'malformed', message };
    }
    const fail = (code: ValidationFailureCode, message: string): CertificateValidation => ({
      valid: false,
      code,
      message: `${describe(cert)}: ${message}`,
      certificate: cert,
    });

    if (cert.node.ca) return fail('key-usage', 'is a CA certificate, not an end-entity certificate');
    const issuer = findIssuer(cert, this.trust.issuers[purpose]);
    if (!issuer) {
      const other: CertPurpose = purpose === 'ap' ? 'smp' : 'ap';
      const otherIssuer = findIssuer(cert, this.trust.issuers[other]);
      if (otherIssuer) {
        return fail('wrong-purpose', `issued by ${PURPOSE_NAME[other]} CA "${otherIssuer.cert.subjectCn}", not by a trusted ${PURPOSE_NAME[purpose]} CA`);
      }
      return fail('untrusted', `issuer "${issuerCn(cert)}" is not a trusted ${PURPOSE_NAME[purpose]} CA for this stage`);
    }
    const chain = [cert, issuer.cert];
    const root = isSelfIssuedAnchor(issuer) ? undefined : findIssuer(issuer.cert, this.trust.roots);
    if (root) chain.push(root.cert);

    for (const [index, link] of chain.entries()) {
      const skew = index === 0 ? this.skewMs : 0;
      const who = index === 0 ? 'certificate' : `issuing CA "${link.subjectCn}"`;
      if (at.getTime() + skew < link.notBefore.getTime()) {
        return fail('not-yet-valid', `${who} is not valid before ${link.notBefore.toISOString()}`);
      }
      if (at.getTime() > link.notAfter.getTime()) {
        return fail('expired', `${who} expired on ${link.notAfter.toISOString()}`);
      }
    }

    const keyUsage = cert.x509.getExtension(x509.KeyUsagesExtension);
    const required = REQUIRED_KEY_USAGE[purpose];
    if (!keyUsage || (keyUsage.usages & required.flags) !== required.flags) {
      return fail('key-usage', `key usage must include ${required.names} for an ${PURPOSE_NAME[purpose]} certificate`);
    }
    if (!cert.subjectCn) return fail('malformed', 'subject has no CN');

    const warnings: string[] = [];
    let revocation: RevocationStatus | { status: 'not-checked' } = { status: 'not-checked' };
    if (this.options.revocationPolicy !== 'off' && this.options.revocation) {
      revocation = await this.checkRevocation(cert, issuer.cert, at);
      if (revocation.status === 'revoked') {
        const when = revocation.revokedAt ? ` on ${revocation.revokedAt.toISOString()}` : '';
        const why = revocation.reason ? ` (${revocation.reason})` : '';
        return fail('revoked', `revoked${when}${why} according to ${revocation.source.toUpperCase()}`);
      }
      if (revocation.status === 'unknown') {
        if (this.options.revocationPolicy === 'hard-fail') {
          if (revocation.uncheckable) {
            return fail('revocation-uncheckable', `names no OCSP responder and no CRL distribution point, so its revocation status can never be checked; refused under hard-fail policy`);
          }
          return fail('revocation-unknown', `revocation status unknown (${revocation.reason}); refused under hard-fail policy`);
        }
        const warning = `${describe(cert)}: revocation status unknown (${revocation.reason}); accepted under soft-fail policy`;
        warnings.push(warning);
        this.options.warnings?.warn({ subject: cert.subjectCn, serial: cert.node.serialNumber, reason: revocation.reason }, warning);
      }
    }
    return { valid: true, certificate: cert, subjectCn: cert.subjectCn, issuer: issuer.cert, revocation, warnings };
  }

  private async checkRevocation(cert: ParsedCertificate, issuer: ParsedCertificate, at: Date): Promise<RevocationStatus> {
    try {
      return await this.options.revocation!.check(cert, issuer, at);
    } catch (error) {
      // A checker bug must not turn into acceptance: it becomes "unknown" and the policy decides.
      return { status: 'unknown', reason: `revocation check failed: ${(error as Error).message}` };
    }
  }
}

/** The anchor whose name and key identifiers match the certificate's issuer and whose key verifies its signature. */
function findIssuer(cert: ParsedCertificate, anchors: readonly TrustAnchor[]): TrustAnchor | undefined {
  return anchors.find((a) => cert.node.checkIssued(a.cert.node) && cert.node.verify(a.cert.node.publicKey));
}

function isSelfIssuedAnchor(anchor: TrustAnchor): boolean {
  return anchor.cert.node.checkIssued(anchor.cert.node);
}

function issuerCn(cert: ParsedCertificate): string {
  return cert.x509.issuerName.getField('CN')[0] ?? cert.x509.issuer;
}

function describe(cert: ParsedCertificate): string {
  return `certificate CN=${cert.subjectCn ?? '?'} (serial ${cert.node.serialNumber})`;
}
