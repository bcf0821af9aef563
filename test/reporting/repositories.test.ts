import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { AS4_TRANSPORT_PROFILE, IDENTIFIER_SCHEMES, TRANSACTIONS } from '../../src/peppol/index.js';
import { ReportingPeriodRepository } from '../../src/reporting/reporting-period-repository.js';
import { parsePeriod } from '../../src/reporting/reporting-period.js';
import type { TransmissionRecord } from '../../src/reporting/transmission-record.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { databaseEngines, type TestDatabase } from '../support/databases.js';

const record = (over: Partial<TransmissionRecord> = {}): TransmissionRecord => ({
  messageId: randomUUID(),
  exchangedAt: new Date('2026-03-15T12:00:00Z'),
  direction: 'receiving',
  c2SeatId: 'PNO000002',
  c3SeatId: 'PDK000001',
  documentType: { scheme: IDENTIFIER_SCHEMES.documentType, value: TRANSACTIONS.order.documentTypeId },
  process: { scheme: IDENTIFIER_SCHEMES.process, value: TRANSACTIONS.order.processIds[0] },
  transportProfile: AS4_TRANSPORT_PROFILE,
  c1Country: 'NO',
  c4Country: 'DK',
  endUserId: '0088:1',
  countsEndUser: true,
  ...over,
});

describe.each(databaseEngines)('reporting tables on $name', ({ create }) => {
  let t: TestDatabase;
  let transmissions: TransmissionRepository;
  let periods: ReportingPeriodRepository;
  beforeAll(async () => {
    t = await create();
    transmissions = new TransmissionRepository(t.db);
    periods = new ReportingPeriodRepository(t.db);
  });
  afterAll(async () => t?.drop());

  it('keeps one record per message and counts a month from its first to its last instant (UTC)', async () => {
    const march = parsePeriod('2026-03');
    const first = record({ exchangedAt: march.from });
    expect(await transmissions.record(first)).toBe(true);
    expect(await transmissions.record({ ...first, direction: 'sending' })).toBe(false);
    await transmissions.record(record({ exchangedAt: new Date(march.to.getTime() - 1) }));
    await transmissions.record(record({ exchangedAt: new Date(march.from.getTime() - 1), endUserId: '0088:february' }));
    await transmissions.record(record({ exchangedAt: march.to, endUserId: '0088:april' }));
    await transmissions.record(record({ c4Country: null, endUserId: '0088:2' }));
    const groups = await transmissions.groups(march.from, march.to);
    expect(groups.map((g) => [g.endUserId, g.c4Country, g.count]).sort()).toEqual([
      ['0088:1', 'DK', 2],
      ['0088:2', null, 1],
    ]);
    expect(await transmissions.ofMessage(first.messageId)).toEqual(first);
  });

  it('writes a received message and its record in one statement, and no record when the message is not created', async () => {
    const messages = new MessageRepository(t.db, new Clock());
    const create = async (id: string, as4MessageId: string) => {
      const creation = messages.creationStatement(
        { direction: 'inbound', kind: 'order', state: 'received', as4MessageId, sendingAp: 'PNO000002', attributes: {} },
        { id, actor: 'test', skipInboundDuplicate: true },
      );
      const cte = transmissions.creationCte(record({ messageId: id, endUserId: `0088:${as4MessageId}` }), creation.params.length + 1);
      return t.db.query<{ id: string }>(`WITH ${creation.ctes}, ${cte.cte} SELECT id FROM created`, [...creation.params, ...cte.params]);
    };
    const id = randomUUID();
    expect(await create(id, 'm-1@x')).toHaveLength(1);
    expect(await transmissions.ofMessage(id)).toMatchObject({ messageId: id, endUserId: '0088:m-1@x' });
    // The same sending AP and MessageId again: a duplicate, skipped with its record.
    const again = randomUUID();
    expect(await create(again, 'm-1@x')).toHaveLength(0);
    expect(await transmissions.ofMessage(again)).toBeNull();
  });

  it('keeps a period row: locked for one send at a time, the latest send replacing the earlier, a failure beside it', async () => {
    await periods.recordFailure('2026-02', { stage: 'validation', code: 'report-invalid', message: 'TSR SCH-TSR-19' }, 'schedule');
    expect(await periods.get('2026-02')).toMatchObject({ sends: 0, failure: { code: 'report-invalid' }, tsrMessageId: null });
    const first = { tsrMessageId: randomUUID(), eusrMessageId: randomUUID() };
    await t.db.transaction(async (tx) => {
      expect(await periods.lock('2026-02', tx)).toMatchObject({ period: '2026-02', sends: 0 });
      await periods.recordSend('2026-02', { ...first, summary: { n: 1 }, requestedBy: 'schedule' }, tx);
    });
    const second = { tsrMessageId: randomUUID(), eusrMessageId: randomUUID() };
    await t.db.transaction(async (tx) => {
      await periods.lock('2026-02', tx);
      await periods.recordSend('2026-02', { ...second, summary: { n: 2 }, requestedBy: 'api-key:x' }, tx);
    });
    expect(await periods.get('2026-02')).toMatchObject({ ...second, sends: 2, summary: { n: 2 }, requestedBy: 'api-key:x', failure: null });
    await t.db.transaction(async (tx) => periods.lock('2026-04', tx));
    expect((await periods.list()).map((p) => p.period)).toEqual(['2026-04', '2026-02']);
    await expect(t.db.query(`INSERT INTO reporting_periods (period) VALUES ('2026-13')`)).rejects.toThrow();
  });
});
