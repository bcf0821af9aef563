import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveReply } from '../../src/as4/receive/receive-pipeline.js';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { EbmsError } from '../../src/as4/protocol/ebms-errors.js';
import { readSignalEnvelope, readSignalErrors } from '../../src/as4/signals/signal-reader.js';
import { FAULTS, type FixtureTarget } from '../as4/support/negative-fixtures.js';
import { BUYER, ORDER_DOC, ORDERING, SELLER, orderXml, sbdFor } from '../as4/support/scenario.js';
import { freePort } from '../faults/support/redis-server.js';
import { Stack } from '../faults/support/stack.js';
import { mutate, prng, type WireMessage } from './support/mutations.js';
import { collectGarbage, rssMbOf } from './support/remote-gc.js';

const MUTANTS = Number(process.env.HOSTILE_HTTP_CASES ?? 900);
const WARM_UP = 300;
const signalLimits = { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 };


function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).map((d) => d.name)) {
    const full = path.join(dir, name);
    out = statSync(full).isDirectory() ? out.concat(filesUnder(full)) : out.concat(full);
  }
  return out;
}

/**
 * The same hostile input over real HTTP against the API process with PostgreSQL, Redis and the
 * file store: every negative fixture gets its ebMS error, a sample of fuzzed mutants gets an
 * ebMS error or 4xx, the process stays up, and nothing is stored for what it rejected.
 */
describe('hostile input over HTTP (API process)', () => {
  const stack = new Stack({ env: { SERVED_PARTICIPANTS: SELLER, AS4_MAX_BODY_BYTES: '65536', AS4_MAX_DECOMPRESSED_BYTES: '1048576' } });
  let target: FixtureTarget;
  let inspectPort = 0;

  beforeAll(async () => {
    await stack.start();
    inspectPort = await freePort();
    // The inspector lets the test collect garbage in the API, so its RSS is compared after GC.
    await stack.startApi({ NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
    const pki = stack.pki;
    const post = async (body: Buffer<ArrayBuffer>, contentType: string): Promise<ReceiveReply> => {
      const res = await fetch(stack.as4Url, { method: 'POST', headers: { 'content-type': contentType }, body });
      const reply = Buffer.from(await res.arrayBuffer());
      let error: EbmsError | undefined;
      let outcome: ReceiveReply['outcome'] = 'receipt';
      try {
        const [first] = readSignalErrors(readSignalEnvelope(reply, signalLimits).signalMessage);
        if (first) {
          outcome = 'error';
          error = new EbmsError(first.code as never, first.description ?? '');
        }
      } catch {
        outcome = 'error';
      }
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: reply, outcome, error, bodyConsumed: true, tolerated: [] };
    };
    target = {
      pki,
      build: (overrides = {}) =>
        buildUserMessage({
          fromPartyId: pki.partnerAp.subjectCn,
          toPartyId: pki.ourAp.subjectCn,
          process: ORDERING,
          documentType: ORDER_DOC,
          originalSender: BUYER,
          finalRecipient: SELLER,
          payload: sbdFor(),
          signing: { privateKey: createPrivateKey(pki.partnerAp.keyPem), certificate: new X509Certificate(pki.partnerAp.certPem) },
          encryptFor: new X509Certificate(pki.ourAp.certPem),
          ...overrides,
        }),
      send: post,
      async sendBuilt(message, rootType) {
        const mime = toMultipart(message, rootType);
        const body = await multipartToBuffer(mime);
        return { reply: await post(body, mime.contentType), body };
      },
    };
  });
  afterAll(() => stack.stop());

  const storedRows = async () => Number((await stack.db.db.query<{ n: string }>(`SELECT count(*) AS n FROM messages`))[0]!.n);

  it.each(FAULTS.map((f) => [f.name, f] as const))('negative fixture %s: its ebMS error, nothing stored', async (_name, fault) => {
    const before = await storedRows();
    const reply = await fault.send(target);
    expect(reply.outcome).toBe('error');
    expect(reply.error?.code).toBe(fault.code);
    expect(reply.status).toBe(fault.status ?? 200);
    expect(await storedRows()).toBe(before);
  });

  it(`answers ${MUTANTS} fuzzed mutants without a 5xx, stays up, and stores only what it accepted`, async () => {
    const seeds: WireMessage[] = [];
    // One sender per seed: mutants of one MessageId never overlap (that would rightly get "being processed, retry").
    for (let i = 0; i < 6; i++) {
      const mime = toMultipart(target.build({ payload: sbdFor({}, orderXml(1 + i * 5)) }));
      seeds.push({ body: await multipartToBuffer(mime), contentType: mime.contentType });
    }
    const pid = stack.api!.child.pid!;
    const rowsBefore = await storedRows();
    const random = prng(7_331);
    const mutants = Array.from({ length: MUTANTS }, (_, i) => mutate(seeds[i % seeds.length]!, random));
    const statuses = new Map<number, number>();
    const accepted = new Set<number>();
    const internal: string[] = [];
    const one = async (i: number) => {
      const m = mutants[i]!;
      const reply = await target.send(m.body, m.contentType);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status >= 500) internal.push(`case ${i} (${m.mutation}): HTTP ${reply.status} ${reply.error?.code} ${reply.error?.description}`);
      else if (reply.outcome === 'receipt') accepted.add(i % seeds.length);
    };
    // Mutant i is made from seed i % seeds.length; one lane per seed sends them in order.
    const run = async (from: number, to: number) => {
      const lane = async (seed: number) => {
        for (let i = from; i < to; i++) if (i % seeds.length === seed) await one(i);
      };
      await Promise.all(seeds.map((_, seed) => lane(seed)));
    };
    await run(0, WARM_UP);
    await collectGarbage(inspectPort);
    const rssBefore = rssMbOf(pid);
    await run(WARM_UP, mutants.length);
    await collectGarbage(inspectPort);
    const rssAfter = rssMbOf(pid);
    const health = await fetch(`${stack.apiUrl}/health`);
    const rowsAdded = (await storedRows()) - rowsBefore;
    // A receipt is kept only in the commit that records its message: never one without the other.
    const receiptsWithoutRecord = await stack.db.db.query(`SELECT 1 FROM as4_receipts r WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.direction = 'inbound' AND m.sending_ap = r.sending_ap AND m.as4_message_id = r.message_id)`);
    const leftovers = filesUnder(path.join(stack.dataDir, 'tmp'));
    console.log(
      `hostile http: cases=${MUTANTS + FAULTS.length} fixtures=${FAULTS.length} mutants=${MUTANTS} seeds_accepted=${accepted.size} rows_added=${rowsAdded} ` +
        `api_rss_before_mb=${rssBefore.toFixed(1)} api_rss_after_mb=${rssAfter.toFixed(1)} ratio=${(rssAfter / rssBefore).toFixed(3)}\n` +
        `  status: ${[...statuses].map(([k, v]) => `${k}=${v}`).join(' ')}`,
    );
    expect(internal).toEqual([]);
    expect(health.status).toBe(200);
    expect(stack.api!.child.exitCode).toBeNull();
    // At most one record per seed: a mutant that is still valid is stored once, its MessageId's duplicates never.
    expect(rowsAdded).toBeLessThanOrEqual(accepted.size);
    expect(receiptsWithoutRecord).toHaveLength(0);
    expect(leftovers).toEqual([]);
    expect(rssAfter).toBeLessThanOrEqual(rssBefore * 1.2);
  }, 300_000);
});
