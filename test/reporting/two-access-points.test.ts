import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { MessageRepository, type MessageRecord } from '../../src/messages/message-repository.js';
import { OutboundService } from '../../src/outbound/outbound.service.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { AS4_TRANSPORT_PROFILE, qualifiedDocumentTypeId, qualifiedProcessId, REPORTING_RECEIVER, TRANSACTIONS, valueWithoutScheme } from '../../src/peppol/index.js';
import { DEV_PKI_FILES, readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { Installation } from '../../src/database/installation.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { buildEusr, eusrXml } from '../../src/reporting/eusr.js';
import { currentPeriod, previousPeriod, shiftPeriod } from '../../src/reporting/reporting-period.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { buildTsr, tsrXml } from '../../src/reporting/tsr.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { ValidationEngine } from '../../src/validation/validation-engine.js';
import { orderXml } from '../as4/support/scenario.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { until } from '../mls/support.js';
import { generateCatalogue } from '../support/catalogue-generator.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { runToExit, startProcess, type RunningProcess } from '../support/processes.js';
import { prepareShipped, ublSchemaDir } from '../validation/support.js';

const OPERATOR_KEY = randomBytes(24).toString('hex');
const VIEWER_KEY = randomBytes(24).toString('hex');
const A_SEAT = 'PDK000002';
const B_SEAT = 'PDK000001';
// Served by B: a Norwegian organisation number (the scheme names the country), a GLN (it does not: REPORTING_END_USER_COUNTRY).
const B_NO = '0192:987654325';
const B_GLN = '0088:7315458756324';
const UNSERVED = '0192:810305642';
// Served by A.
const A_BUYER = '0192:123456785';
const A_OTHER = '0088:5798000000001';
const OPENPEPPOL = valueWithoutScheme(REPORTING_RECEIVER, 'iso6523-actorid-upis');
const ORDER = TRANSACTIONS.order;
const CATALOGUE = TRANSACTIONS.catalogue;
const MLS = TRANSACTIONS.messageLevelStatus;
const TSR = TRANSACTIONS.transactionStatisticsReport;
const EUSR = TRANSACTIONS.endUserStatisticsReport;

interface Sent {
  direction: 'sending' | 'receiving';
  otherAp: string;
  documentType: string;
  process: string;
  c1: string;
  c4?: string;
  endUser: string;
  mls?: boolean;
}

/**
 * A synthetic month of traffic between two access points on loopback (each an API and worker
 * processes, built code, own database, queues and files; A = PDK000002, B = PDK000001): orders and
 * catalogues both ways, several end users and countries, a refused send, B's Message Level Status
 * answers, and B's monthly reports sent by its schedule (two worker processes) to OpenPeppol's
 * participant, served here by A. B's TSR and EUSR are built from what B recorded and compared
 * with the numbers this test computes from what it sent.
 */
describe('Peppol Reporting between two access points', () => {
  const smp = new FakeSmpServer();
  let pki: DevPki;
  let engine: ValidationEngine;
  const dbs: TestDatabase[] = [];
  const dirs: string[] = [];
  const processes: RunningProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  type Ap = { db: TestDatabase; messages: MessageRepository; outbound: OutboundService; api: RunningProcess; transmissions: TransmissionRepository; env: Record<string, string> };
  let a: Ap;
  let b: Ap;

  beforeAll(async () => {
    const pkiEnv = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    engine = new ValidationEngine({ release: await prepareShipped(['T19']), ublSchemaDir, maxDocumentBytes: 16 * 1024 * 1024 });
    await smp.start();
    const env = {
      ...pkiEnv,
      PKI_REVOCATION_POLICY: 'off',
      AS4_SEND_ALLOW_HTTP: 'true',
      SMP_FIXED_URL: smp.url,
      AS4_SEND_DEFAULT_COUNTRY_C1: 'DK',
      VALIDATION_TRANSACTIONS: 'T01,T19',
      VALIDATION_POOL_SIZE: '1',
      VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache'),
    };
    const start = async (name: string, extra: Record<string, string>, workers: number) => {
      const db = await createPostgresTestDatabase();
      dbs.push(db);
      const dir = mkdtempSync(path.join(tmpdir(), `ap-reporting-${name}-`));
      dirs.push(dir);
      const common = { ...env, ...extra, DATABASE_URL: db.url, DATA_DIR: dir, QUEUE_PREFIX: `rep-${name}-${randomBytes(4).toString('hex')}`, VALIDATION_RULES_DIR: path.join(dir, 'rules') };
      const api = await startProcess('main.js', { ...common, PORT: '0' }, { timeoutMs: 120_000 });
      processes.push(api);
      for (let i = 0; i < workers; i++) processes.push(await startProcess('worker.js', common, { timeoutMs: 120_000 }));
      const blobs = new FilesystemBlobStore(dir);
      await blobs.init();
      const redis = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: common.QUEUE_PREFIX }));
      const queue = new BullJobQueue(redis, new Installation(db.db));
      closers.push(async () => {
        await queue.onApplicationShutdown();
        await redis.onApplicationShutdown();
      });
      const messages = new MessageRepository(db.db, new Clock());
      const ap: Ap = { db, messages, outbound: new OutboundService(messages, blobs, queue, { messageIdDomain: `${name}.test` }), api, transmissions: new TransmissionRepository(db.db), env: common };
      return ap;
    };
    // A: the partner AP, also standing in for OpenPeppol's receiving AP. B: the dev AP, which reports
    // every few seconds (its schedule) from two worker processes.
    a = await start('a', { PARTICIPANTS_LOOKUP_CACHE_SECONDS: '0', AP_CERT: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.cert), AP_KEY: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.key), SERVED_PARTICIPANTS: `${A_BUYER},${A_OTHER}` }, 1);
    await new ParticipantRepository(a.db.db).upsert(OPENPEPPOL, {
      documents: [TSR, EUSR].map((t) => ({ documentTypeId: qualifiedDocumentTypeId(t.documentTypeId), processId: qualifiedProcessId(t.processIds[0]) })),
    });
    // SMP (before B starts reporting): A's SPIS participant for B's statuses, OpenPeppol's participant for B's reports: both at A.
    const publish = (participant: string, documentTypeId: string, process: string) =>
      smp.serve(
        serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(qualifiedDocumentTypeId(documentTypeId))),
        signEnveloped(smp1Metadata({ participant, documentType: documentTypeId, process, endpoints: [{ address: `http://127.0.0.1:${a.api.port}/as4`, certificatePem: pki.partnerAp.certPem }] }), pki.smp.keyPem, pki.smp.certPem),
      );
    publish('0242:000002', MLS.documentTypeId, MLS.processIds[0]);
    publish(OPENPEPPOL, TSR.documentTypeId, TSR.processIds[0]);
    publish(OPENPEPPOL, EUSR.documentTypeId, EUSR.processIds[0]);
    b = await start('b', { SERVED_PARTICIPANTS: `${B_NO},${B_GLN}`, REPORTING_END_USER_COUNTRY: 'SE', REPORTING_SEND: 'always', REPORTING_SCHEDULE: '*/2 * * * * *', REPORTING_COUNTRY_C1: 'DK', ADMIN_API_KEYS: `operator:${OPERATOR_KEY},viewer:${VIEWER_KEY}` }, 2);
  }, 400_000);

  afterAll(async () => {
    for (const close of closers) await close();
    for (const p of processes) await p.stop().catch(() => undefined);
    engine?.dispose();
    await smp.stop();
    for (const db of dbs) await db.drop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const settled = (ap: Ap, id: string) =>
    until(`message ${id} settled`, async () => {
      const m = await ap.messages.get(id);
      return m.state === 'sent' || m.state === 'send-failed' ? m : undefined;
    }, 90_000);
  const submit = (from: Ap, to: Ap, document: Buffer, t: typeof ORDER | typeof CATALOGUE, senderId: string, receiverId: string, countryC1: string) =>
    from.outbound.submit({
      document,
      kind: t.kind,
      senderId,
      receiverId,
      documentTypeId: qualifiedDocumentTypeId(t.documentTypeId),
      processId: qualifiedProcessId(t.processIds[0]),
      countryC1,
      endpoint: { url: `http://127.0.0.1:${to.api.port}/as4`, certificatePem: to === a ? pki.partnerAp.certPem : pki.ourAp.certPem },
    });

  it('counts a month of traffic at B exactly as sent, and builds a TSR and EUSR of those numbers that pass the official rules', async () => {
    const expected: Sent[] = [];
    const catalogue = Buffer.from(generateCatalogue(2), 'utf8');
    const submissions: Array<[Ap, Ap, Buffer, typeof ORDER | typeof CATALOGUE, string, string, string]> = [
      [a, b, orderXml(2), ORDER, A_BUYER, B_NO, 'NO'],
      [a, b, orderXml(3), ORDER, A_BUYER, B_NO, 'NO'],
      [a, b, orderXml(2), ORDER, A_OTHER, B_GLN, 'FI'],
      [a, b, catalogue, CATALOGUE, A_OTHER, B_NO, 'FI'],
      [b, a, orderXml(2), ORDER, B_NO, A_BUYER, 'NO'],
      [b, a, catalogue, CATALOGUE, B_GLN, A_OTHER, 'SE'],
    ];
    const sent: MessageRecord[] = [];
    for (const [from, to, doc, t, sender, receiver, country] of submissions) {
      const m = await submit(from, to, doc, t, sender, receiver, country);
      sent.push(await settled(from, m.id));
      if (to === b) expected.push({ direction: 'receiving', otherAp: A_SEAT, documentType: t.documentTypeId, process: t.processIds[0], c1: country, c4: receiver === B_NO ? 'NO' : 'SE', endUser: receiver });
      else expected.push({ direction: 'sending', otherAp: A_SEAT, documentType: t.documentTypeId, process: t.processIds[0], c1: country, endUser: sender });
    }
    expect(sent.map((m) => m.state)).toEqual(submissions.map(() => 'sent'));
    // Refused by B (not served there): no receipt, counted nowhere.
    const refused = await settled(a, (await submit(a, b, orderXml(2), ORDER, A_BUYER, UNSERVED, 'NO')).id);
    expect(refused).toMatchObject({ state: 'send-failed', failure: { code: 'EBMS:0004' } });
    expect(await a.transmissions.ofMessage(refused.id)).toBeNull();

    // B answers A's invalid orders with an MLS RE (sent over AS4 too): counted in B's TSR, never as end users.
    const received = await Promise.all(
      sent.slice(0, 4).map((m) =>
        until(`B's record of ${m.id}`, async () => {
          const [row] = await b.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`, [m.as4MessageId]);
          return row ? b.messages.get(row.id) : undefined;
        }),
      ),
    );
    const statuses = await Promise.all(
      received.map((m) => until(`B's MLS decision on ${m.id}`, async () => (await b.messages.get(m.id)).attributes.mlsResponse, 90_000)),
    );
    for (const status of statuses.filter((s) => s.statusMessageId)) {
      const mls = await settled(b, status.statusMessageId!);
      expect(mls.state).toBe('sent');
      expected.push({ direction: 'sending', otherAp: A_SEAT, documentType: MLS.documentTypeId, process: MLS.processIds[0], c1: 'DK', endUser: mls.senderId!, mls: true });
    }
    expect(expected.filter((e) => e.mls).length).toBeGreaterThanOrEqual(3);

    // B's records against what was sent: one per transmission, nothing else.
    const period = currentPeriod(new Date());
    const groups = await b.transmissions.groups(period.from, period.to);
    const tsr = buildTsr(groups, { startDate: period.startDate, endDate: period.endDate, reporterId: B_SEAT });
    const eusr = buildEusr(groups, { startDate: period.startDate, endDate: period.endDate, reporterId: B_SEAT });
    const count = (f: (e: Sent) => boolean) => expected.filter(f).length;
    expect(tsr.total).toEqual({ incoming: count((e) => e.direction === 'receiving'), outgoing: count((e) => e.direction === 'sending') });
    expect(tsr.total).toEqual({ incoming: 4, outgoing: 2 + statuses.filter((s) => s.statusMessageId).length });
    const subtotals = (type: string) => Object.fromEntries(tsr.subtotals.filter((s) => s.type === type).map((s) => [s.keys.map((k) => k.value).join(' | '), [s.incoming, s.outgoing]]));
    const want = (keyOf: (e: Sent) => string | undefined) => {
      const out: Record<string, [number, number]> = {};
      for (const e of expected) {
        const key = keyOf(e);
        if (key === undefined) continue;
        const v = (out[key] ??= [0, 0]);
        v[e.direction === 'receiving' ? 0 : 1]++;
      }
      return out;
    };
    expect(subtotals('PerTP')).toEqual(want(() => AS4_TRANSPORT_PROFILE));
    expect(subtotals('PerSP-DT-PR')).toEqual(want((e) => `${e.otherAp} | ${e.documentType} | ${e.process}`));
    expect(subtotals('PerSP-DT-PR-CC')).toEqual(want((e) => (e.direction === 'receiving' ? `${e.otherAp} | ${e.documentType} | ${e.process} | ${e.c1} | ${e.c4}` : undefined)));

    const users = (f: (e: Sent) => boolean) => {
      const sending = new Set(expected.filter((e) => !e.mls && e.direction === 'sending' && f(e)).map((e) => e.endUser));
      const receiving = new Set(expected.filter((e) => !e.mls && e.direction === 'receiving' && f(e)).map((e) => e.endUser));
      return [sending.size, receiving.size, new Set([...sending, ...receiving]).size];
    };
    const country = (e: Sent) => (e.direction === 'sending' ? e.c1 : e.c4!);
    expect([eusr.fullSet.sending, eusr.fullSet.receiving, eusr.fullSet.sendingOrReceiving]).toEqual(users(() => true));
    expect([eusr.fullSet.sending, eusr.fullSet.receiving, eusr.fullSet.sendingOrReceiving]).toEqual([2, 2, 2]);
    for (const s of eusr.subsets) {
      const key = Object.fromEntries(s.keys.map((k) => [k.metaSchemeID, k.value]));
      const matches = (e: Sent) => (key.DT === undefined || e.documentType === key.DT) && (key.PR === undefined || e.process === key.PR) && (key.CC === undefined || country(e) === key.CC);
      expect([s.sending, s.receiving, s.sendingOrReceiving], `${s.type} ${JSON.stringify(key)}`).toEqual(users(matches));
    }
    const subsetTypes = (type: string) => eusr.subsets.filter((s) => s.type === type).length;
    const distinct = (f: (e: Sent) => string) => new Set(expected.filter((e) => !e.mls).map(f)).size;
    expect(subsetTypes('PerDT-PR')).toBe(distinct((e) => `${e.documentType} ${e.process}`));
    expect(subsetTypes('PerDT-PR-EUC')).toBe(distinct((e) => `${e.documentType} ${e.process} ${country(e)}`));
    expect(subsetTypes('PerDT-EUC')).toBe(distinct((e) => `${e.documentType} ${country(e)}`));
    expect(subsetTypes('PerEUC')).toBe(distinct(country));

    for (const [id, xml] of [[TSR.id, tsrXml(tsr)], [EUSR.id, eusrXml(eusr)]] as const) {
      const report = engine.validate(xml, { transaction: id });
      expect(report.fired.filter((f) => f.flag === 'fatal'), id).toEqual([]);
    }
  }, 300_000);

  it('sends the previous month once from two scheduler processes: empty reports, valid, receipts verified, received by OpenPeppol stand-in A and counted by neither', async () => {
    const period = previousPeriod(new Date());
    const reports = await until('B sent both reports', async () => {
      const rows = await b.db.db.query<{ id: string; document_type_id: string }>(
        `SELECT id, document_type_id FROM messages WHERE direction = 'outbound' AND document_type_id = ANY($1::text[]) AND state = 'sent'`,
        [[TSR, EUSR].map((t) => qualifiedDocumentTypeId(t.documentTypeId))],
      );
      return rows.length >= 2 ? rows : undefined;
    }, 120_000);
    // The schedule keeps firing every two seconds on both workers: still one send.
    await new Promise((r) => setTimeout(r, 6_000));
    const all = await b.db.db.query<{ id: string; document_type_id: string; receiver_id: string; sender_id: string; receiving_ap: string; signal_sha256: string | null }>(
      `SELECT id, document_type_id, receiver_id, sender_id, receiving_ap, signal_sha256 FROM messages WHERE direction = 'outbound' AND document_type_id = ANY($1::text[])`,
      [[TSR, EUSR].map((t) => qualifiedDocumentTypeId(t.documentTypeId))],
    );
    expect(all.map((r) => r.document_type_id).sort()).toEqual([TSR, EUSR].map((t) => qualifiedDocumentTypeId(t.documentTypeId)).sort());
    expect(reports.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
    for (const r of all) expect(r).toMatchObject({ receiver_id: OPENPEPPOL, sender_id: '0242:000001', receiving_ap: A_SEAT, signal_sha256: expect.any(String) });
    const [row] = await b.db.db.query<{ sends: number; tsr_message_id: string; eusr_message_id: string; requested_by: string }>(`SELECT * FROM reporting_periods WHERE period = $1`, [period.id]);
    expect(row).toMatchObject({ sends: 1, requested_by: 'schedule' });
    expect([row!.tsr_message_id, row!.eusr_message_id].sort()).toEqual(all.map((r) => r.id).sort());

    // What A received: the two reports, empty and valid under the official rules.
    const atA = await until('A stored both reports', async () => {
      const rows = await a.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE direction = 'inbound' AND receiver_id = $1`, [OPENPEPPOL]);
      return rows.length >= 2 ? rows : undefined;
    });
    expect(atA).toHaveLength(2);
    for (const { id } of atA) {
      const sbd = (await a.db.db.query<{ sha256: string }>(`SELECT sha256 FROM message_documents WHERE message_id = $1 AND role = 'sbd'`, [id]))[0]!;
      const text = (await new FilesystemBlobStore(dirs[0]!).read(sbd.sha256)).toString('utf8');
      const report = engine.validate(text);
      expect([TSR.id, EUSR.id]).toContain(report.transaction);
      expect(report.fired.filter((f) => f.flag === 'fatal'), report.transaction!).toEqual([]);
      expect(text).toContain(`<StartDate>${period.startDate}</StartDate>`);
      expect(text).toContain(`<ReporterID schemeID="CertSubjectCN">${B_SEAT}</ReporterID>`);
      expect(text).toMatch(/<Total><Incoming>0<\/Incoming><Outgoing>0<\/Outgoing><\/Total>|<FullSet><SendingEndUsers>0<\/SendingEndUsers>/);
      expect(await a.transmissions.ofMessage(id)).toBeNull();
    }
    for (const r of all) expect(await b.transmissions.ofMessage(r.id)).toBeNull();
  }, 200_000);

  const admin = (key: string, method: string, pathname: string) =>
    fetch(`http://127.0.0.1:${b.api.port}/admin/reporting${pathname}`, { method, headers: { 'X-API-Key': key } });

  it('operates through the admin API: periods, summary, XML on demand, refusals as problem+json, an operator resend that replaces the first, metrics', async () => {
    const now = new Date();
    const previous = previousPeriod(now);
    const current = currentPeriod(now);
    const list = (await (await admin(VIEWER_KEY, 'GET', '/periods')).json()) as { data: Array<{ period: string; state: string; sends: number; tsr: { receiptSha256: string | null } | null }> };
    expect(list.data.find((p) => p.period === current.id)).toMatchObject({ state: 'open', sends: 0, tsr: null });
    const sentBefore = list.data.find((p) => p.period === previous.id)!;
    expect(sentBefore).toMatchObject({ state: 'sent', sends: 1, tsr: { receiptSha256: expect.any(String) } });

    const summary = (await (await admin(VIEWER_KEY, 'GET', `/periods/${current.id}`)).json()) as { state: string; summary: { source: string; tsr: { total: { incoming: number; outgoing: number } } } };
    expect(summary.state).toBe('open');
    expect(summary.summary.source).toBe('generated');
    const groups = await b.transmissions.groups(current.from, current.to);
    expect(summary.summary.tsr.total).toEqual(buildTsr(groups, { startDate: current.startDate, endDate: current.endDate, reporterId: B_SEAT }).total);
    for (const report of ['tsr', 'eusr'] as const) {
      const res = await admin(VIEWER_KEY, 'GET', `/periods/${current.id}/${report}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/xml');
      expect(res.headers.get('x-report-source')).toBe('generated');
      const validated = engine.validate(Buffer.from(await res.arrayBuffer()));
      expect(validated).toMatchObject({ transaction: report.toUpperCase(), valid: true });
    }
    const sentXml = await admin(VIEWER_KEY, 'GET', `/periods/${previous.id}/tsr`);
    expect(sentXml.headers.get('x-report-source')).toBe('sent');

    const problem = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return (await res.json()) as { type: string; detail: string };
    };
    const future = shiftPeriod(current, 1).id;
    expect((await problem(await admin(VIEWER_KEY, 'GET', `/periods/${future}`), 404)).detail).toContain('has not started');
    expect((await problem(await admin(OPERATOR_KEY, 'POST', `/periods/${future}/send`), 404)).detail).toContain('has not started');
    await problem(await admin(VIEWER_KEY, 'GET', '/periods/2026-13'), 400);
    await problem(await admin(VIEWER_KEY, 'GET', `/periods/${current.id}/xml`), 400);
    expect((await problem(await admin(OPERATOR_KEY, 'POST', `/periods/${current.id}/send`), 409)).detail).toContain('still running');
    await problem(await admin(VIEWER_KEY, 'POST', `/periods/${previous.id}/send`), 403);

    // The operator's resend: new reports replace the first ones; the first stay with their receipts.
    const resent = (await (await admin(OPERATOR_KEY, 'POST', `/periods/${previous.id}/send`)).json()) as { sends: number; requestedBy: string; tsr: { messageId: string }; eusr: { messageId: string } };
    expect(resent.sends).toBe(2);
    expect(resent.requestedBy).toMatch(/^api-key:/);
    const done = await until('the resent reports sent', async () => {
      const view = (await (await admin(VIEWER_KEY, 'GET', `/periods/${previous.id}`)).json()) as { state: string; sends: number; tsr: { messageId: string } };
      return view.state === 'sent' ? view : undefined;
    }, 90_000);
    expect(done.tsr.messageId).toBe(resent.tsr.messageId);
    const reportsAtB = await b.db.db.query<{ state: string }>(`SELECT state FROM messages WHERE direction = 'outbound' AND receiver_id = $1`, [OPENPEPPOL]);
    expect(reportsAtB.map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'sent']);

    const metrics = await (await fetch(`http://127.0.0.1:${b.api.port}/metrics`)).text();
    expect(metrics).toContain(`peppol_ap_reporting_last_period_sent ${previous.id.replace('-', '')}`);
    expect(metrics).toMatch(/peppol_ap_reporting_transmissions_recorded_total\{direction="receiving"\} [1-9]/);
  }, 200_000);

  it('peppol-ap reporting generate writes both reports of a period, checked against the official rules', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'reporting-cli-'));
    dirs.push(out);
    const period = currentPeriod(new Date());
    const run = await runToExit('cli/main.js', b.env, ['reporting', 'generate', '--period', period.id, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`tsr-${period.id}.xml: valid`);
    expect(run.stdout).toContain(`eusr-${period.id}.xml: valid`);
    expect(engine.validate(readFileSync(path.join(out, `tsr-${period.id}.xml`)))).toMatchObject({ transaction: 'TSR', valid: true });
    const future = await runToExit('cli/main.js', b.env, ['reporting', 'send', '--period', shiftPeriod(period, 2).id]);
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('has not started');
  }, 120_000);

  it('a report refused by the receiver leaves the period send-failed with its ebMS code; the next operator send works', async () => {
    const previous = previousPeriod(new Date());
    const participants = new ParticipantRepository(a.db.db);
    const reportTypes = [TSR, EUSR].map((t) => ({ documentTypeId: qualifiedDocumentTypeId(t.documentTypeId), processId: qualifiedProcessId(t.processIds[0]) }));
    await participants.upsert(OPENPEPPOL, { documents: [] });
    try {
      expect((await admin(OPERATOR_KEY, 'POST', `/periods/${previous.id}/send`)).status).toBe(200);
      const failed = await until('the refused reports settled', async () => {
        const view = (await (await admin(VIEWER_KEY, 'GET', `/periods/${previous.id}`)).json()) as { state: string; sends: number; tsr: { state: string; failure: { code: string } | null } };
        return view.state === 'send-failed' && view.tsr.state === 'send-failed' ? view : undefined;
      }, 90_000);
      expect(failed.tsr.failure).toMatchObject({ code: 'EBMS:0004' });
      expect(failed.sends).toBe(3);
    } finally {
      await participants.upsert(OPENPEPPOL, { documents: reportTypes });
    }
    expect((await admin(OPERATOR_KEY, 'POST', `/periods/${previous.id}/send`)).status).toBe(200);
    const sent = await until('the reports sent again', async () => {
      const view = (await (await admin(VIEWER_KEY, 'GET', `/periods/${previous.id}`)).json()) as { state: string; sends: number };
      return view.state === 'sent' ? view : undefined;
    }, 90_000);
    expect(sent.sends).toBe(4);
  }, 200_000);

  it('never sends a report that fails its official rules: 422 naming the rule, the period marked invalid, an alert, nothing handed over', async () => {
    const period = shiftPeriod(previousPeriod(new Date()), -1);
    // A record no real exchange makes: a receiving AP without a seat id (SCH-TSR-19).
    await b.transmissions.record({
      messageId: randomUUID(),
      exchangedAt: new Date(period.from.getTime() + 3_600_000),
      direction: 'sending',
      c2SeatId: B_SEAT,
      c3SeatId: 'not-a-seat',
      documentType: { scheme: 'busdox-docid-qns', value: ORDER.documentTypeId },
      process: { scheme: 'cenbii-procid-ubl', value: ORDER.processIds[0] },
      transportProfile: AS4_TRANSPORT_PROFILE,
      c1Country: 'NO',
      c4Country: null,
      endUserId: B_NO,
      countsEndUser: true,
    });
    const before = await b.db.db.query(`SELECT id FROM messages WHERE direction = 'outbound' AND receiver_id = $1`, [OPENPEPPOL]);
    const res = await admin(OPERATOR_KEY, 'POST', `/periods/${period.id}/send`);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toBe('urn:peppol-ap:problem:report-invalid');
    expect(problem.detail).toContain('SCH-TSR-19');
    const view = (await (await admin(VIEWER_KEY, 'GET', `/periods/${period.id}`)).json()) as { state: string; sends: number; failure: { stage: string; code: string; message: string } };
    expect(view).toMatchObject({ state: 'invalid', sends: 0, failure: { stage: 'validation', code: 'report-invalid' } });
    expect(await b.db.db.query(`SELECT id FROM messages WHERE direction = 'outbound' AND receiver_id = $1`, [OPENPEPPOL])).toHaveLength(before.length);
    expect(b.api.output()).toMatch(new RegExp(`ALERT: the reports of ${period.id} are not sent: TSR SCH-TSR-19`));
    const metrics = await (await fetch(`http://127.0.0.1:${b.api.port}/metrics`)).text();
    expect(metrics).toContain('peppol_ap_reporting_reports_total{report="TSR",outcome="invalid"} 1');
  }, 120_000);
});
