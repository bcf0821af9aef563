import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCatalogueXml } from '../support/catalogue-generator.js';
import { buildProgram } from '../../src/cli/main.js';
import { Clock } from '../../src/common/clock.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import { DEV_PKI_FILES } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { orderXml } from '../as4/support/scenario.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';
import { ORDER, ORDERING, senderStack, sendDocument, TableResolver, type SenderStack } from './support/sender-stack.js';

const BUYER = '0088:5798000000001';
const SUPPLIER = '0088:7315458756324';
const CATALOGUE = { scheme: 'busdox-docid-qns', value: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:catalogue:3::2.1' };
const CATALOGUE_ONLY = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3' };
const MB = 1_000_000;

/** A T19 catalogue of at least `bytes`, written to a file: generated lines repeated (the receiver does not validate before its receipt). */
async function writeCatalogue(file: string, bytes: number): Promise<number> {
  const chunks = [...generateCatalogueXml({ lines: 1_000, batchSize: 1_000 })];
  const [head, lines, tail] = [chunks[0]!, chunks.slice(1, -1).join(''), chunks.at(-1)!];
  const out = createWriteStream(file);
  const body = Buffer.from(lines, 'utf8');
  const repeats = Math.ceil((bytes - head.length - tail.length) / body.length);
  await new Promise<void>((resolve, reject) => {
    Readable.from(
      (function* () {
        yield Buffer.from(head, 'utf8');
        for (let i = 0; i < repeats; i++) yield body;
        yield Buffer.from(tail, 'utf8');
      })(),
    )
      .pipe(out)
      .on('finish', resolve)
      .on('error', reject);
  });
  return statSync(file).size;
}

describe('our sender → our receiver (the API process from dist): signed receipt verified', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let pki: DevPki;
  let url: string;
  let dataDir: string;
  let work: string;
  let stack: SenderStack;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ap-send-e2e-'));
    work = mkdtempSync(path.join(tmpdir(), 'ap-send-e2e-work-'));
    const env = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    api = await startProcess('main.js', {
      ...env,
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      PORT: '0',
      QUEUE_PREFIX: `t-send-e2e-${Date.now()}`,
      SERVED_PARTICIPANTS: SUPPLIER,
      PKI_REVOCATION_POLICY: 'off',
    }, { ready: /listening on port (\d+)/ });
    url = `http://127.0.0.1:${api.port}/as4`;
    // We send as the dev partner access point (PDK000002) to the API process (PDK000001).
    stack = senderStack(pki, new TableResolver(), new Clock(), { policy: 'off', identity: pki.partnerAp });
  });
  afterAll(async () => {
    process.env = savedEnv;
    await stack?.transport.close();
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  const receivedRow = async (as4MessageId: string) =>
    (await db.db.query<{ id: string; state: string; kind: string }>(`SELECT id, state, kind FROM messages WHERE as4_message_id = $1 AND direction = 'inbound'`, [as4MessageId]))[0];
  const sbdOf = async (messageId: string) => {
    const [doc] = await db.db.query<{ sha256: string; size: string }>(`SELECT sha256, size FROM message_documents WHERE message_id = $1 AND role = 'sbd'`, [messageId]);
    return doc!;
  };

  it('delivers a 10 KB order and stores exactly what was sent', async () => {
    const order = orderXml(56);
    expect(order.length).toBeGreaterThan(9_000);
    expect(order.length).toBeLessThan(12_000);
    const sent = await sendDocument(stack, {
      sender: BUYER,
      receiver: SUPPLIER,
      document: () => Readable.from([order]),
      explicit: { url, certificatePem: pki.ourAp.certPem },
    });
    expect(sent.outcome).toMatchObject({ kind: 'receipt', httpStatus: 200 });
    expect(sent.outcome.kind === 'receipt' && sent.outcome.signer.subject).toContain('CN=PDK000001');
    const row = await receivedRow(sent.messageId);
    expect(row).toMatchObject({ state: 'received', kind: 'order' });
    const sbd = (await new FilesystemBlobStore(dataDir).read((await sbdOf(row!.id)).sha256)).toString('utf8');
    expect(sbd).toContain(order.toString('utf8').replace(/^<\?xml[^?]*\?>\s*/, ''));
  });

  it('streams a 50 MB catalogue without holding it in memory; the receiver stores it byte-exact', async () => {
    const file = path.join(work, 'catalogue-50mb.xml');
    const size = await writeCatalogue(file, 50 * MB);
    const head: Buffer[] = [];
    for await (const chunk of createReadStream(file, { end: 4095 })) head.push(chunk as Buffer);
    const rootAt = Buffer.concat(head).indexOf('<Catalogue');
    const expected = createHash('sha256');
    for await (const chunk of createReadStream(file, { start: rootAt })) expected.update(chunk as Buffer);
    const expectedDocument = expected.digest('hex');

    let peak = 0;
    const base = process.memoryUsage();
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers + now.heapUsed - base.arrayBuffers - base.heapUsed);
    }, 20);
    let sent;
    try {
      sent = await sendDocument(stack, {
        sender: BUYER,
        receiver: SUPPLIER,
        document: () => createReadStream(file),
        explicit: { url, certificatePem: pki.ourAp.certPem },
        documentType: CATALOGUE,
        process: CATALOGUE_ONLY,
      });
    } finally {
      clearInterval(sampler);
    }
    expect(sent.outcome).toMatchObject({ kind: 'receipt' });
    expect(sent.sbdSize).toBeGreaterThan(size);
    // One copy of the SBD alone would be over 50 MB; staging and encryption stream in chunks (what
    // remains is garbage not yet collected).
    expect(peak).toBeLessThan(45 * MB);

    const row = await receivedRow(sent.messageId);
    expect(row).toMatchObject({ state: 'received', kind: 'catalogue' });
    const stored = await sbdOf(row!.id);
    expect(Number(stored.size)).toBe(sent.sbdSize);
    const tail = Buffer.from('</StandardBusinessDocument>');
    // The SBD from the document's root on, minus the envelope's closing tag, is the document as sent.
    const whole = readFileSync(new FilesystemBlobStore(dataDir).pathOf(stored.sha256));
    const embedded = whole.subarray(whole.indexOf('<Catalogue'), whole.length - tail.length);
    expect(createHash('sha256').update(embedded).digest('hex')).toBe(expectedDocument);
  }, 60_000);

  describe('peppol-ap send', () => {
    let output = '';
    const run = async (...args: string[]) => {
      output = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output += String(chunk);
        return true;
      });
      await buildProgram().parseAsync(['node', 'peppol-ap', 'send', ...args]);
    };
    const orderFile = () => {
      const file = path.join(work, 'order.xml');
      writeFileSync(file, orderXml(10));
      return file;
    };

    beforeAll(() => {
      Object.assign(process.env, {
        PEPPOL_STAGE: 'dev',
        PKI_DEV_DIR: TEST_PKI_DIR,
        AP_CERT: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.cert),
        AP_KEY: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.key),
        PKI_REVOCATION_POLICY: 'off',
        AS4_SEND_ALLOW_HTTP: 'true',
      });
    });

    const common = () => ['--from', BUYER, '--doctype', ORDER.value, '--process', ORDERING.value, '--endpoint', url, '--cert', path.join(TEST_PKI_DIR, DEV_PKI_FILES.ourAp.cert), '--country', 'DK'];

    it('sends to an explicit endpoint and prints the outcome and the receipt MessageId', async () => {
      const file = orderFile();
      await run(file, '--to', SUPPLIER, ...common());
      expect(output).toContain('outcome      delivered');
      const receipt = /receipt      (\S+)/.exec(output)?.[1];
      const messageId = /message id   (\S+)/.exec(output)?.[1];
      expect(receipt).toMatch(/@/);
      expect(await receivedRow(messageId!)).toMatchObject({ state: 'received' });
      expect(process.exitCode).toBeUndefined();
    });

    it('prints the receiver refusal with its ebMS code and exits with 1', async () => {
      const file = orderFile();
      await run(file, '--to', '0088:7315458756331', ...common(), '--json');
      const result = JSON.parse(output) as { outcome: string; error: { code: string; retryable: boolean } };
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'EBMS:0004', retryable: false } });
      expect(process.exitCode).toBe(1);
    });

    it('finds the receiver through the SMP when no endpoint is given (SMP_FIXED_URL, signed answer)', async () => {
      const smp = new FakeSmpServer();
      await smp.start();
      try {
        const metadata = smp1Metadata({ participant: SUPPLIER, documentType: ORDER.value, process: ORDERING.value, endpoints: [{ address: url, certificatePem: pki.ourAp.certPem }] });
        smp.serve(serviceMetadataUrl('', parseParticipant(SUPPLIER), parseDocumentType(ORDER.value)), signEnveloped(metadata, pki.smp.keyPem, pki.smp.certPem));
        process.env.SMP_FIXED_URL = smp.url;
        await run(orderFile(), '--to', SUPPLIER, '--from', BUYER, '--doctype', ORDER.value, '--process', ORDERING.value, '--country', 'DK');
        expect(output).toContain(`how          SMP fixed by configuration: ${smp.url}`);
        expect(output).toContain('outcome      delivered');
        expect(output).toMatch(/receipt      \S+@/);
      } finally {
        delete process.env.SMP_FIXED_URL;
        await smp.stop();
      }
    });

    it('refuses an explicit endpoint without its certificate as a usage error', async () => {
      await expect(run(orderFile(), '--to', SUPPLIER, '--from', BUYER, '--doctype', ORDER.value, '--process', ORDERING.value, '--endpoint', url)).rejects.toThrow(
        /--endpoint and --cert go together/,
      );
    });
  });
});
