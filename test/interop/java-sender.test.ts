import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { PUNCH_OUT_DOC, PUNCH_OUT_PROCESS, sbdAround } from '../support/as4-client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';

const hasJava = spawnSync('javac', ['-version']).status === 0 && spawnSync('java', ['-version']).status === 0;
const BUYER = '0192:123456785';
const SELLER = '0192:987654325';

/**
 * Interoperability with an AS4 sender that shares no code with ours: the JDK's XML Signature
 * implementation (JSR 105) and JCE build, sign and encrypt the message (test/interop/java), and the
 * same stack verifies our receipt (signature and NonRepudiationInformation).
 */
describe.skipIf(!hasJava)('AS4 interoperability with an independent sender (JDK XML Signature + JCE)', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'ap-interop-'));
    execFileSync('javac', ['-d', path.join(work, 'classes'), path.resolve('test/interop/java/As4InteropClient.java')]);
    db = await createPostgresTestDatabase();
    api = await startProcess('main.js', {
      ...(await devPkiEnv()),
      DATABASE_URL: db.url,
      DATA_DIR: path.join(work, 'data'),
      PORT: '0',
      QUEUE_PREFIX: `t-interop-${randomBytes(4).toString('hex')}`,
      SERVED_PARTICIPANTS: BUYER,
    });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('accepts its message and gives a receipt that verifies there', async () => {
    const sbdFile = path.join(work, 'sbd.xml');
    writeFileSync(sbdFile, sbdAround(Buffer.from(buildCartXml(sampleCart(2)), 'utf8'), { sender: SELLER, receiver: BUYER }));
    const certs = (name: string) => path.join(TEST_PKI_DIR, name);
    const run = spawnSync(
      'java',
      [
        '-cp', path.join(work, 'classes'), 'As4InteropClient',
        `http://127.0.0.1:${api.port}/as4`,
        certs('partner.cert.pem'), certs('partner.key.pem'), certs('ap.cert.pem'), sbdFile,
        'PDK000002', 'PDK000001', SELLER, BUYER,
        `${PUNCH_OUT_DOC.scheme}::${PUNCH_OUT_DOC.value}`, `${PUNCH_OUT_PROCESS.scheme}::${PUNCH_OUT_PROCESS.value}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stdout, run.stderr).toMatch(/^RECEIPT \S+ \S+@java-interop\.example/);
    const sentId = run.stdout.trim().split(' ')[2]!;
    const rows = await db.db.query<{ state: string; sending_ap: string }>(`SELECT state, sending_ap FROM messages WHERE as4_message_id = $1`, [sentId]);
    expect(rows).toEqual([{ state: 'received', sending_ap: 'PDK000002' }]);
  });
});
