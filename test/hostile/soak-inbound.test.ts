import { createPrivateKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { BUYER, ORDER_DOC, ORDERING, SELLER, orderXml, sbdFor } from '../as4/support/scenario.js';
import { wireVariants } from '../as4/support/wire-variants.js';
import { freePort } from '../faults/support/redis-server.js';
import { Stack } from '../faults/support/stack.js';
import { mutate, prng, type WireMessage } from './support/mutations.js';
import { collectGarbage, memoryUsageMb, rssMbOf } from './support/remote-gc.js';

/** Length of the soak; the suite runs a short one, `HOSTILE_SOAK_SECONDS=600` a long one. */
const SECONDS = Number(process.env.HOSTILE_SOAK_SECONDS ?? 60);
const SAMPLES = 8;
const CONCURRENCY = 8;

/**
 * Valid messages (strict form and the other stacks' wire variants) mixed with fuzzed mutants against
 * the API process for a while: its RSS after full garbage collections, sampled at intervals after
 * a warm-up, must level off rather than grow with the traffic.
 */
describe('soak: valid and invalid AS4 traffic against the API process', () => {
  const stack = new Stack({ env: { SERVED_PARTICIPANTS: SELLER, AS4_MAX_BODY_BYTES: '1048576', AS4_MAX_DECOMPRESSED_BYTES: '4194304' } });
  let inspectPort = 0;

  beforeAll(async () => {
    await stack.start();
    inspectPort = await freePort();
    await stack.startApi({ NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
  });
  afterAll(() => stack.stop());

  it(`keeps the API's RSS level over ${SECONDS} s of mixed traffic`, async () => {
    const pki = stack.pki;
    const signing = { privateKey: createPrivateKey(pki.partnerAp.keyPem), certificate: new X509Certificate(pki.partnerAp.certPem) };
    const build = (lines: number) =>
      buildUserMessage({
        fromPartyId: pki.partnerAp.subjectCn,
        toPartyId: pki.ourAp.subjectCn,
        process: ORDERING,
        documentType: ORDER_DOC,
        originalSender: BUYER,
        finalRecipient: SELLER,
        payload: sbdFor({}, orderXml(lines)),
        signing,
        encryptFor: new X509Certificate(pki.ourAp.certPem),
      });
    const seeds: WireMessage[] = [];
    for (let i = 0; i < 6; i++) {
      const mime = toMultipart(build(1 + i * 9));
      seeds.push({ body: await multipartToBuffer(mime), contentType: mime.contentType });
    }
    const random = prng(424_242);
    const tally = { receipt: 0, error: 0, internal: 0, sent: 0 };
    const nextRequest = async (n: number): Promise<WireMessage> => {
      // One in three is a fresh valid message (every fifth of those as another stack's wire variant).
      if (n % 3 === 0) {
        const message = build(1 + (n % 40));
        if (n % 5 === 0) {
          const variants = wireVariants(message, signing.privateKey);
          return variants[n % variants.length]!;
        }
        const mime = toMultipart(message);
        return { body: await multipartToBuffer(mime), contentType: mime.contentType };
      }
      return mutate(seeds[n % seeds.length]!, random);
    };
    const one = async (n: number) => {
      const m = await nextRequest(n);
      const res = await fetch(stack.as4Url, { method: 'POST', headers: { 'content-type': m.contentType }, body: m.body });
      const text = await res.text();
      tally.sent++;
      if (res.status >= 500) tally.internal++;
      else if (text.includes('Receipt>')) tally.receipt++;
      else tally.error++;
    };
    const pid = stack.api!.child.pid!;
    const samples: Array<{ second: number; sent: number; rssMb: number; heapMb: number; externalMb: number }> = [];
    const started = performance.now();
    let counter = 0;
    const runFor = async (ms: number) => {
      const until = performance.now() + ms;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < until) await one(counter++);
        }),
      );
    };
    // Warm-up: a fifth of the time, then a sample after every further slice.
    await runFor((SECONDS * 1000) / 5);
    for (let i = 0; i < SAMPLES; i++) {
      await collectGarbage(inspectPort);
      const usage = await memoryUsageMb(inspectPort);
      samples.push({ second: Math.round((performance.now() - started) / 1000), sent: tally.sent, rssMb: rssMbOf(pid), heapMb: usage.heapUsed!, externalMb: usage.external! });
      if (i < SAMPLES - 1) await runFor((SECONDS * 1000 * 4) / 5 / (SAMPLES - 1));
    }
    const first = samples[0]!.rssMb;
    const half = samples.slice(0, SAMPLES / 2).map((s) => s.rssMb);
    const last = samples.at(-1)!.rssMb;
    console.log(
      `soak inbound: seconds=${SECONDS} requests=${tally.sent} receipts=${tally.receipt} refused=${tally.error} internal=${tally.internal} ` +
        `rss_after_warmup_mb=${first.toFixed(1)} rss_last_mb=${last.toFixed(1)} ratio=${(last / first).toFixed(3)}\n` +
        `  [second requests] rss/heap/external MB: ${samples.map((s) => `[${s.second}s ${s.sent}] ${s.rssMb.toFixed(0)}/${s.heapMb.toFixed(1)}/${s.externalMb.toFixed(1)}`).join('  ')}`,
    );
    expect(tally.internal).toBe(0);
    expect(tally.receipt).toBeGreaterThan(0);
    expect(stack.api!.child.exitCode).toBeNull();
    // Levelled off: the JS heap after full GCs does not grow with the traffic (it grew by about
    // 7 KB per accepted message while every remembered MessageId kept its SOAP text alive), and the
    // RSS of the second half stays within 10% of the highest of the first half.
    expect(samples.at(-1)!.heapMb).toBeLessThanOrEqual(samples[0]!.heapMb * 1.1);
    expect(last).toBeLessThanOrEqual(Math.max(...half) * 1.1);
    expect(last).toBeLessThanOrEqual(first * 1.2);
  }, (SECONDS + 240) * 1000);
});
