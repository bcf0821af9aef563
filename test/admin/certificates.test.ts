import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PKI_FILES } from '../../src/pki/dev-pki-files.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type AdminApi, call, startAdminApi } from './support.js';

type Ours = { certificate: { subjectCn: string; sha256: string }; slots: Array<{ slot: string; signing: boolean; certificate: { sha256: string; daysLeft: number } }>; rolloverAt: string | null };

describe('admin API: certificates and next-key rollover', () => {
  let api: AdminApi;
  let stateDir: string;

  beforeAll(async () => {
    await devPkiEnv();
    stateDir = mkdtempSync(path.join(tmpdir(), 'ap-admin-rollover-'));
    // The dev PKI's second AP certificate stands in for our renewed one.
    api = await startAdminApi({
      AP_NEXT_CERT: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.cert),
      AP_NEXT_KEY: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.key),
      PKI_ROLLOVER_STATE_FILE: path.join(stateDir, 'rollover.json'),
    });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('shows the current and next key pairs with expiry, and switches signing on an admin rollover', async () => {
    const before = (await (await call(api, '/admin/certificates', { key: api.keys.viewer })).json()) as Ours;
    expect(before.slots.map((s) => [s.slot, s.signing])).toEqual([['current', true], ['next', false]]);
    expect(before.rolloverAt).toBeNull();
    const next = before.slots[1]!.certificate;

    expect((await call(api, '/admin/certificates/rollover', { method: 'POST', key: api.keys.operator, body: '{}' })).status).toBe(403);
    expect((await call(api, '/admin/certificates/rollover', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ at: 'tomorrow' }) })).status).toBe(422);
    const far = await call(api, '/admin/certificates/rollover', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ at: '2099-01-01T00:00:00Z' }) });
    expect(far.status).toBe(409);

    const res = await call(api, '/admin/certificates/rollover', { method: 'POST', key: api.keys.admin, body: '{}' });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Ours;
    expect(after.certificate.sha256).toBe(next.sha256);
    expect(after.slots.find((s) => s.signing)!.slot).toBe('next');
    expect(after.rolloverAt).not.toBeNull();
    expect(JSON.parse(readFileSync(path.join(stateDir, 'rollover.json'), 'utf8'))).toMatchObject({ nextSha256: next.sha256 });

    const [audit] = await api.database.query<{ target: string; before: unknown; after: { next: string } }>(`SELECT target, before, after FROM admin_audit WHERE target = 'certificate:rollover' AND status = 200`);
    expect(audit).toMatchObject({ before: { rolloverAt: null }, after: { next: next.sha256 } });
  });
});
