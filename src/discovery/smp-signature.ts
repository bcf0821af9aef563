import { SignedXml } from 'xml-crypto';
import type { Clock } from '../common/clock.js';
import { CertificateParseError, parseCertificate, type ParsedCertificate } from '../pki/certificate.js';
import type { CertificateValidator } from '../pki/certificate-validator.js';
import { derToPem } from '../pki/pem.js';
import { DiscoveryError } from './discovery.errors.js';
import { SMP_NS } from './smp-xml.js';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** Transforms a whole-document SMP signature may use; anything else (e.g. XPath filters) could hide content. */
const ALLOWED_TRANSFORMS = new Set([
  ENVELOPED,
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);
const SHA1_ALGORITHMS = ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#sha1'];

export interface VerifiedSigner {
  certificate: ParsedCertificate;
  subjectCn: string;
  warnings: string[];
}

/**
 * Checks the enveloped XMLDSig of an SMP response: exactly one signature,
 * exactly one reference, URI="" with the enveloped-signature transform (so the whole document is
 * covered and nothing can be wrapped around it), signed by a certificate that chains to the SMP CA.
 */
export class SmpSignatureVerifier {
  constructor(
    private readonly validator: CertificateValidator,
    private readonly clock: Clock,
    private readonly options: { allowRsaSha1: boolean },
  ) {}

  async verify(xml: string, doc: Document): Promise<VerifiedSigner> {
    const signatures = Array.from(doc.getElementsByTagNameNS(SMP_NS.ds, 'Signature'));
    if (signatures.length !== 1) {
      throw new DiscoveryError('smp-signature-invalid', signatures.length === 0 ? 'SMP response is not signed' : `SMP response has ${signatures.length} signatures`);
    }
    const signature = signatures[0]!;
    const references = Array.from(signature.getElementsByTagNameNS(SMP_NS.ds, 'Reference'));
    if (references.length !== 1 || references[0]!.getAttribute('URI') !== '') {
      throw new DiscoveryError('smp-signature-invalid', 'SMP signature must have exactly one Reference with URI="" (the whole document)');
    }
    const transforms = Array.from(references[0]!.getElementsByTagNameNS(SMP_NS.ds, 'Transform')).map((t) => t.getAttribute('Algorithm'));
    if (!transforms.includes(ENVELOPED)) {
      throw new DiscoveryError('smp-signature-invalid', 'SMP signature reference lacks the enveloped-signature transform');
    }
    const foreign = transforms.find((t) => !ALLOWED_TRANSFORMS.has(t ?? ''));
    if (foreign !== undefined) throw new DiscoveryError('smp-signature-invalid', `SMP signature uses the transform ${foreign ?? '(none)'}, which is not allowed`);

    const certificates = Array.from(signature.getElementsByTagNameNS(SMP_NS.ds, 'X509Certificate'));
    if (certificates.length === 0) throw new DiscoveryError('smp-signature-invalid', 'SMP signature carries no X509Certificate');
    let lastFailure = '';
    let lastCode: string | undefined;
    for (const element of certificates) {
      let candidate: ParsedCertificate;
      try {
        candidate = parseCertificate(element.textContent ?? '');
      } catch (error) {
        lastFailure = error instanceof CertificateParseError ? error.message : String(error);
        continue;
      }
      // KeyInfo may list the chain too; the signer is the one leaf that validates as an SMP certificate.
      if (candidate.node.ca) continue;
      const result = await this.validator.validate(candidate, 'smp', this.clock.now());
      if (!result.valid) {
        lastFailure = result.message;
        lastCode = result.code;
        continue;
      }
      const verified = this.checkSignature(xml, signature, candidate);
      return { certificate: verified, subjectCn: result.subjectCn, warnings: result.warnings };
    }
    throw new DiscoveryError('smp-signer-untrusted', `SMP signing certificate refused: ${lastFailure || 'no usable certificate'}`, lastCode);
  }

  private checkSignature(xml: string, signature: Element, signer: ParsedCertificate): ParsedCertificate {
    const verifier = new SignedXml({ publicCert: derToPem(signer.der) });
    if (!this.options.allowRsaSha1) {
      for (const algorithm of SHA1_ALGORITHMS) {
        delete (verifier.SignatureAlgorithms as Record<string, unknown>)[algorithm];
        delete (verifier.HashAlgorithms as Record<string, unknown>)[algorithm];
      }
    }
    let valid: boolean;
    try {
      verifier.loadSignature(signature);
      valid = verifier.checkSignature(xml);
    } catch (error) {
      throw new DiscoveryError('smp-signature-invalid', `SMP signature cannot be verified: ${(error as Error).message}`);
    }
    if (!valid) throw new DiscoveryError('smp-signature-invalid', 'SMP signature does not verify (document altered or wrong key)');
    return signer;
  }
}
