import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { createScenario, sbdFor, orderXml, type Scenario } from '../as4/support/scenario.js';
import { settledRssMb } from './support/memory.js';
import { mutate, prng, type WireMessage } from './support/mutations.js';

const CASES = Number(process.env.HOSTILE_FUZZ_CASES ?? 10_000);
// The first cases grow the process to its working size (code caches, the XML engine's heap, malloc
// arenas); leaks show as growth after that.
const WARM_UP = 3_000;
const SEEDS = 12;
const FUZZ_SEED = Number(process.env.HOSTILE_FUZZ_SEED ?? 20_261_123);

/**
 * Mutations of valid signed and encrypted messages through the in-process receive pipeline (the
 * same steps the API runs): every case gets an answer, none an internal error, nothing is stored
 * or queued for a rejected one, and memory returns to where it was.
 */
describe('hostile input: fuzzed AS4 messages through the receive pipeline', () => {
  let s: Scenario;
  const seeds: Array<WireMessage & { sbdSha256: string }> = [];

  beforeAll(async () => {
    s = await createScenario({ AS4_MAX_BODY_BYTES: String(1024 * 1024) });
    for (let i = 0; i < SEEDS; i++) {
      const payload = sbdFor({}, orderXml(1 + i * 7));
      const mime = toMultipart(s.build({ payload }));
      seeds.push({ body: await multipartToBuffer(mime), contentType: mime.contentType, sbdSha256: createHash('sha256').update(payload).digest('hex') });
    }
  });

  it(`answers ${CASES} mutants with an ebMS error or 4xx, stores nothing for them, and does not leak`, async () => {
    const random = prng(FUZZ_SEED);
    const tally = { error: 0, receipt: 0, duplicate: 0 };
    const byStatus = new Map<number, number>();
    const byCode = new Map<string, number>();
    const internal = new Map<string, string>();
    const benign = new Map<string, number>();
    const samples: string[] = [];
    let rssBefore = 0;
    let heapBefore = 0;
    const rssStart = await settledRssMb();
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      if (i === WARM_UP) {
        rssBefore = await settledRssMb();
        heapBefore = process.memoryUsage().heapUsed;
      }
      const seed = seeds[i % seeds.length]!;
      const mutant = mutate(seed, random);
      const storedBefore = s.store.records.size;
      const queuedBefore = s.enqueuer.jobs.length;
      const reply = await s.send(mutant.body, mutant.contentType);
      const where = `case ${i} (${mutant.mutation}, seed ${FUZZ_SEED})`;
      byStatus.set(reply.status, (byStatus.get(reply.status) ?? 0) + 1);
      if (reply.status >= 500) {
        const cause = reply.error?.cause as Error | undefined;
        const key = `${reply.error?.code} ${cause?.name}: ${cause?.message ?? reply.error?.description}`.slice(0, 300);
        if (!internal.has(key)) internal.set(key, `${where}\n${cause?.stack?.split('\n').slice(0, 6).join('\n')}`);
        continue;
      }
      tally[reply.outcome]++;
      if (reply.outcome !== 'error') {
        const first = mutant.mutation.split('+')[0]!;
        benign.set(first, (benign.get(first) ?? 0) + 1);
      }
      if (i % 2_000 === 1_999) samples.push(`${i + 1}:${(await settledRssMb()).toFixed(0)}`);
      if (reply.outcome === 'error') {
        byCode.set(reply.error!.code, (byCode.get(reply.error!.code) ?? 0) + 1);
        expect(reply.body.includes('SignalMessage'), where).toBe(true);
        expect(s.store.records.size, `${where}: stored although rejected`).toBe(storedBefore);
        expect(s.enqueuer.jobs.length, `${where}: queued although rejected`).toBe(queuedBefore);
      } else {
        // Still a valid message after the mutation (e.g. header order): the signature vouches that
        // exactly the original business document was stored.
        const stored = [...s.store.records.values()].find((r) => r.message.key.messageId === reply.messageId);
        expect(createHash('sha256').update(stored!.sbd).digest('hex'), where).toBe(seed.sbdSha256);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = await settledRssMb();
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(
      `hostile fuzz: cases=${CASES} seconds=${seconds.toFixed(1)} rejected=${tally.error} accepted=${tally.receipt} duplicate=${tally.duplicate} ` +
        `rss_start_mb=${rssStart.toFixed(1)} rss_before_mb=${rssBefore.toFixed(1)} rss_after_mb=${rssAfter.toFixed(1)} ratio=${(rssAfter / rssBefore).toFixed(3)}\n` +
        `  heap_before_mb=${(heapBefore / 1048576).toFixed(1)} heap_after_mb=${(heapAfter / 1048576).toFixed(1)} rss_mb_by_case: ${samples.join(' ')}\n` +
        `  still valid after mutation (receipt or duplicate), by first mutation: ${[...benign].map(([k, v]) => `${k}=${v}`).join(' ')}\n` +
        `  status: ${[...byStatus].map(([k, v]) => `${k}=${v}`).join(' ')}\n  codes: ${[...byCode].map(([k, v]) => `${k}=${v}`).join(' ')}`,
    );
    expect([...internal].map(([k, v]) => `${k}\n  first: ${v}`), 'internal errors (HTTP 5xx)').toEqual([]);
    expect(tally.error).toBeGreaterThan(CASES / 2);
    expect(heapAfter).toBeLessThanOrEqual(heapBefore * 1.2);
    expect(rssAfter).toBeLessThanOrEqual(rssBefore * 1.2);
  }, 600_000);
});
