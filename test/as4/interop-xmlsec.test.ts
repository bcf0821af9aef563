import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { EbmsError } from '../../src/as4/protocol/ebms-errors.js';
import { NS } from '../../src/as4/protocol/namespaces.js';
import { buildErrorSignal } from '../../src/as4/signals/error-signal-builder.js';
import { hasBinary, run } from './support/tools.js';
import { createScenario } from './support/scenario.js';

const xmlsecMissing = !hasBinary('xmlsec1');
if (xmlsecMissing) console.warn('xmlsec1 not installed (Debian package xmlsec1): skipping the independent signature cross-check');

describe.skipIf(xmlsecMissing)('our signatures verify with xmlsec1 (libxmlsec, independent C14N)', () => {
  let pki: DevPki;
  let dir: string;
  beforeAll(async () => {
    pki = await createDevPki();
    dir = mkdtempSync(join(tmpdir(), 'as4-xmlsec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const verify = (xml: string, certPem: string) => {
    writeFileSync(join(dir, 'signed.xml'), xml);
    writeFileSync(join(dir, 'cert.pem'), certPem);
    return run('xmlsec1', [
      '--verify',
      '--id-attr:Id', `${NS.eb}:Messaging`,
      '--id-attr:Id', `${NS.soap12}:Body`,
      '--pubkey-cert-pem', join(dir, 'cert.pem'),
      join(dir, 'signed.xml'),
    ]);
  };

  it('verifies a signed ebMS signal and rejects it once altered', async () => {
    const signer = { privateKey: createPrivateKey(pki.ourAp.keyPem), certificate: new X509Certificate(pki.ourAp.certPem) };
    const { xml } = await buildErrorSignal({ errors: [new EbmsError('EBMS:0004', 'PEPPOL:NOT_SERVICED')], refToMessageId: 'a@b', now: new Date(), messageIdDomain: 'us.test', signer });
    const ok = verify(xml, pki.ourAp.certPem);
    expect(ok.stderr).toContain('OK');
    expect(ok.status).toBe(0);
    const bad = verify(xml.replace('PEPPOL:NOT_SERVICED', 'PEPPOL:OTHER'), pki.ourAp.certPem);
    expect(bad.status).not.toBe(0);
  });

  it('verifies the signed Receipt the pipeline returns (NRI with the copied references inside)', async () => {
    const s = await createScenario();
    const { reply } = await s.sendBuilt(s.build());
    expect(reply.outcome).toBe('receipt');
    const xml = reply.body.toString('utf8');
    expect(xml).toContain('NonRepudiationInformation');
    const ok = verify(xml, s.pki.ourAp.certPem);
    expect(ok.stderr).toContain('OK');
    expect(ok.status).toBe(0);
  });
});
