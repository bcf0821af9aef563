import { readDevPki } from './dev-pki-files.js';
import { DevRevocationServer } from './dev-revocation-server.js';
import { x509 } from './x509-crypto.js';

export interface DevResponderOptions {
  dir: string;
  port: number;
  host: string;
}

/**
 * Serves OCSP and CRLs for the dev PKI in `dir` (the revoked.cert.pem certificate reported as
 * revoked) until `stop` resolves. DEV ONLY: lets the dev stage run with revocation checks on.
 */
export async function runDevResponder(options: DevResponderOptions, stop: Promise<void>, log: (line: string) => void): Promise<void> {
  const pki = await readDevPki(options.dir);
  if (!pki) throw new Error(`no dev PKI in ${options.dir} (run "peppol-ap pki init" first)`);
  const server = new DevRevocationServer();
  server.use(pki);
  server.revoke(pki.revokedAp, { at: new Date(new x509.X509Certificate(pki.revokedAp.certPem).notBefore.getTime() + 60_000), reason: x509.X509CrlReason.keyCompromise });
  const urls = await server.start(options.port, options.host);
  log(`dev OCSP responder ${urls.ocspUrl}, CRLs under ${urls.crlBaseUrl}/ (CN=${pki.revokedAp.subjectCn} is revoked) - DEV ONLY`);
  try {
    await stop;
  } finally {
    await server.stop();
  }
}
