import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApi, call, startAdminApi } from '../admin/support.js';
import { BUYER, orderXml, SELLER } from './support.js';

/** The API role alone (API and worker as separate processes): it validates submissions itself, loading the rules on first use. */
describe('back-end API in the API role alone (PostgreSQL, Redis)', () => {
  let api: AdminApi;
  let key: string;

  beforeAll(async () => {
    api = await startAdminApi({
      SERVED_PARTICIPANTS: `${BUYER},${SELLER}`,
      VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache'),
      VALIDATION_TRANSACTIONS: 'T01,T76',
      VALIDATION_POOL_SIZE: '1',
    });
    const res = await call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ role: 'backend', participants: [BUYER] }) });
    key = ((await res.json()) as { key: string }).key;
  });
  afterAll(async () => {
    await api?.stop();
  });

  const submit = (body: string) => fetch(`${api.base}/api/v1/documents`, { method: 'POST', headers: { 'X-API-Key': key, 'Content-Type': 'application/xml' }, body });

  it('validates a submission and hands it over to a served receiver for the worker to take on', async () => {
    const invalid = await submit(orderXml({ seller: SELLER, id: 'PO-API-ROLE-0' }).replace(/<cbc:ID>2<\/cbc:ID>/, '<cbc:ID>1</cbc:ID>'));
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { rules: unknown[] }).rules.length).toBeGreaterThan(0);
    const res = await submit(orderXml({ seller: SELLER, id: 'PO-API-ROLE-1' }));
    expect(res.status).toBe(202);
    const { id, handedOverAs } = (await res.json()) as { id: string; handedOverAs: string };
    expect(await api.messages.get(id)).toMatchObject({ direction: 'outbound', state: 'delivered' });
    expect(await api.messages.get(handedOverAs)).toMatchObject({ direction: 'inbound', state: 'received', receiverId: SELLER });
  });
});
