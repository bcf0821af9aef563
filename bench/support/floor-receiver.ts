import cluster from 'node:cluster';
import { createHash, createPrivateKey, createPublicKey, verify, webcrypto } from 'node:crypto';
import { open } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SaxesParser } from 'saxes';
import { decryptAesGcm } from '../../src/as4/crypto/aes-gcm.js';
import { ensureDevPki } from '../../src/pki/dev-pki-files.js';

/*
 * The least work any receiver of the as4-inbound messages must do, with nothing else: no framework,
 * no DOM, no canonicalisation, no certificate path, no duplicate check, no Reporting record, no
 * timeline, no metrics, no logs. Per message: read the body and cut the MIME parts; one strict parse
 * of the SOAP envelope (saxes, events only) to find the wrapped key, the signature and the signed
 * digests; RSA-OAEP unwrap; AES-GCM decrypt; gunzip; the attachment's SHA-256; the RSA signature check
 * over the SignedInfo as it stands (its canonical form would cost more; the verdict is not used); a
 * strict parse of the SBDH; the raw message and the document made durable, a row committed in
 * PostgreSQL and a Redis list push, each shared by the messages of a 2 ms window (appended to one log
 * file with one fdatasync, one multi-row INSERT, one LPUSH: the cheapest durable forms there are);
 * a receipt's digest and RSA signature; the answer.
 *
 * It is a floor to hold the API against (bench as4-inbound-floor), not a receiver: it checks nothing.
 * Started by the bench harness like the API (PORT, DATA_DIR, PKI_DEV_DIR, DATABASE_URL, REDIS_URL,
 * QUEUE_PREFIX, API_PROCESSES), one HTTP process per API process.
 */

const processes = Number(process.env.API_PROCESSES ?? 1);

if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  void serve();
}

async function serve(): Promise<void> {
  const pki = await ensureDevPki(process.env.PKI_DEV_DIR!);
  const ourKey = createPrivateKey(pki.ourAp.keyPem);
  const partnerKey = createPublicKey(pki.partnerAp.certPem);
  const der = ourKey.export({ type: 'pkcs8', format: 'der' });
  const oaep = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  const signing = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const dir = path.join(process.env.DATA_DIR!, 'floor');
  mkdirSync(dir, { recursive: true });
  const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await db.query('CREATE TABLE IF NOT EXISTS floor_messages (id text PRIMARY KEY, sha256 text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const queue = `${process.env.QUEUE_PREFIX}:floor`;
  const log = await open(path.join(dir, `log-${process.pid}`), 'a', 0o640);
  let window: Array<Stored & { done: () => void; failed: (error: Error) => void }> = [];
  const flush = async () => {
    const batch = window;
    window = [];
    try {
      await log.writev(batch.flatMap((m) => m.bytes));
      await log.datasync();
      await db.query(`INSERT INTO floor_messages (id, sha256) VALUES ${batch.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')}`, batch.flatMap((m) => [m.id, m.sha256]));
      await redis.lpush(queue, ...batch.map((m) => m.id));
      for (const m of batch) m.done();
    } catch (error) {
      for (const m of batch) m.failed(error as Error);
    }
  };
  const store = (message: Stored) =>
    new Promise<void>((done, failed) => {
      if (window.length === 0) setTimeout(() => void flush(), 2);
      window.push({ ...message, done, failed });
    });

  const receive = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/health/ready') return void res.end('ok');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const boundary = /boundary="?([^";]+)"?/.exec(req.headers['content-type'] ?? '')![1]!;
    const [soapPart, attachment] = mimeParts(body, boundary);
    const soap = soapPart!.toString('utf8');
    const envelope = readEnvelope(soap);
    const contentKey = Buffer.from(await webcrypto.subtle.decrypt({ name: 'RSA-OAEP' }, oaep, envelope.wrappedKey));
    const payload = gunzipSync(decryptAesGcm(contentKey, attachment!));
    createHash('sha256').update(payload).digest('base64');
    verify('sha256', Buffer.from(envelope.signedInfo, 'utf8'), partnerKey, envelope.signatureValue);
    const headEnd = payload.indexOf('StandardBusinessDocumentHeader>', payload.indexOf('StandardBusinessDocumentHeader>') + 1);
    parseStrict(payload.subarray(0, headEnd + 31).toString('utf8'));
    await store({ id: envelope.messageId, sha256: createHash('sha256').update(body).digest('hex'), bytes: [body, payload] });
    const signedInfo = `<ds:SignedInfo><ds:Reference URI="#body"><ds:DigestValue>${createHash('sha256').update(envelope.messageId).digest('base64')}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
    const signature = Buffer.from(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', signing, Buffer.from(signedInfo))).toString('base64');
    res.writeHead(200, { 'Content-Type': 'application/soap+xml' });
    res.end(`<S12:Envelope><S12:Header><eb:Messaging><eb:SignalMessage><eb:MessageInfo><eb:RefToMessageId>${envelope.messageId}</eb:RefToMessageId></eb:MessageInfo><eb:Receipt/></eb:SignalMessage></eb:Messaging><wsse:Security>${signedInfo}<ds:SignatureValue>${signature}</ds:SignatureValue></wsse:Security></S12:Header><S12:Body/></S12:Envelope>`);
  };
  createServer((req, res) => {
    receive(req, res).catch((error: Error) => {
      res.writeHead(500);
      res.end(error.message);
    });
  }).listen(Number(process.env.PORT), '127.0.0.1');
}

/** The bodies of a multipart's parts (the floor trusts the framing it is given). */
function mimeParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  for (let at = body.indexOf(delimiter); at !== -1; ) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const headersEnd = body.indexOf('\r\n\r\n', at);
    parts.push(body.subarray(headersEnd + 4, next - 2));
    at = next;
  }
  return parts;
}

interface Stored {
  id: string;
  sha256: string;
  bytes: Buffer[];
}

interface EnvelopeFacts {
  messageId: string;
  wrappedKey: Buffer;
  signatureValue: Buffer;
  signedInfo: string;
}

/** One strict pass over the envelope, keeping the texts the floor needs. */
function readEnvelope(soap: string): EnvelopeFacts {
  const facts = { messageId: '', wrappedKey: Buffer.alloc(0), signatureValue: Buffer.alloc(0), signedInfo: '' };
  let text = '';
  let cipherValues = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', () => void (text = ''));
  parser.on('text', (t) => void (text += t));
  parser.on('closetag', (tag) => {
    if (tag.local === 'MessageId') facts.messageId = text.trim();
    else if (tag.local === 'CipherValue' && cipherValues++ === 0) facts.wrappedKey = Buffer.from(text, 'base64');
    else if (tag.local === 'SignatureValue') facts.signatureValue = Buffer.from(text, 'base64');
  });
  parser.write(soap).close();
  const start = soap.indexOf('SignedInfo');
  facts.signedInfo = soap.slice(soap.lastIndexOf('<', start), soap.indexOf('SignedInfo>', start + 10) + 11);
  return facts;
}

/** A strict parse of the SBDH head (the root is left open there: that one error is expected). */
function parseStrict(head: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', () => undefined);
  parser.write(head).close();
}

