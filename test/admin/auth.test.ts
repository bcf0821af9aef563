import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredRole } from '../../src/admin/auth/api-key.guard.js';
import { PUBLIC_PATHS } from '../../src/admin/auth/public-routes.js';
import { ADMIN_ROLES, type AdminRole, roleAllows } from '../../src/admin/auth/roles.js';
import { type AdminApi, call, startAdminApi } from './support.js';

const SERVED = '0088:7315458756324';

type Doc = { paths: Record<string, Record<string, { 'x-required-role'?: AdminRole }>> };

describe('admin API: authentication and roles', () => {
  let api: AdminApi;
  let doc: Doc;

  beforeAll(async () => {
    api = await startAdminApi({ SERVED_PARTICIPANTS: SERVED });
    doc = (await (await fetch(`${api.base}/docs/openapi.json`)).json()) as Doc;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses every operation beyond the key role with 403 and lets every sufficient role through', async () => {
    let checked = 0;
    for (const [p, item] of Object.entries(doc.paths)) {
      if (PUBLIC_PATHS.some((re) => re.test(p)) || p === '/admin/dashboard') continue;
      for (const [method, op] of Object.entries(item)) {
        const required = requiredRole(op['x-required-role'], method.toUpperCase());
        // Placeholders fail validation (400) or lookup (404) after authorization: nothing changes.
        const url = p.replace(/\{[^}]+\}/g, 'placeholder');
        for (const role of ADMIN_ROLES) {
          const res = await call(api, url, { method: method.toUpperCase(), key: api.keys[role], ...(['post', 'put'].includes(method) ? { body: '{"role":"nobody"}' } : {}) });
          const label = `${role} ${method.toUpperCase()} ${p} (needs ${required})`;
          if (roleAllows(role, required)) expect([401, 403], label).not.toContain(res.status);
          else {
            expect(res.status, label).toBe(403);
            const problem = (await res.json()) as { type: string; detail: string };
            expect(problem.type).toBe('urn:peppol-ap:problem:forbidden');
            expect(problem.detail).toContain(`needs role ${required}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('accepts the key as X-API-Key or Bearer, not as Basic, and says which key it is', async () => {
    const bearer = await fetch(`${api.base}/admin/keys/me`, { headers: { Authorization: `Bearer ${api.keys.operator}` } });
    expect(bearer.status).toBe(200);
    expect(await bearer.json()).toMatchObject({ role: 'operator', source: 'config' });
    const basic = await fetch(`${api.base}/admin/keys/me`, { headers: { Authorization: `Basic ${Buffer.from(`x:${api.keys.operator}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('creates backend keys for served participants only, and keeps them out of the admin API', async () => {
    const create = (body: unknown) => call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: JSON.stringify(body) });
    const made = await create({ role: 'backend', label: 'supplier OMS', participants: ['0088:7315458756324'.toUpperCase()] });
    expect(made.status).toBe(201);
    const backend = (await made.json()) as { id: string; key: string; role: string; participants: string[] };
    expect(backend).toMatchObject({ role: 'backend', participants: [SERVED], label: 'supplier OMS' });
    const listed = (await (await call(api, '/admin/keys', { key: api.keys.admin })).json()) as { data: Array<{ id: string; participants: string[] }> };
    expect(listed.data.find((k) => k.id === backend.id)?.participants).toEqual([SERVED]);

    const refusals: Array<[unknown, string, RegExp]> = [
      [{ role: 'backend' }, 'participants', /needs the participants/],
      [{ role: 'backend', participants: ['0088:1111111111111'] }, 'participants.0', /not a participant served here/],
      [{ role: 'backend', participants: ['not an id'] }, 'participants.0', /expected a participant id/],
      [{ role: 'viewer', participants: [SERVED] }, 'participants', /acts for no participant/],
    ];
    for (const [body, field, message] of refusals) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const problem = (await res.json()) as { errors: Array<{ field: string; message: string }> };
      expect(problem.errors).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
    }
    const keys = (await (await call(api, '/admin/keys', { key: api.keys.admin })).json()) as { data: unknown[] };
    expect(keys.data).toHaveLength(listed.data.length);

    for (const path of ['/admin/messages', '/admin/keys/me', '/admin/participants']) {
      const res = await call(api, path, { key: backend.key });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain('backend key');
    }
    const dashboard = await fetch(`${api.base}/admin/dashboard/`, { headers: { 'X-API-Key': backend.key } });
    expect(dashboard.status).toBe(403);
  });

  it('stops accepting a key the moment it is revoked', async () => {
    const created = (await (await call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ role: 'viewer', label: 'temp' }) })).json()) as { id: string; key: string };
    expect((await call(api, '/admin/messages', { key: created.key })).status).toBe(200);
    expect((await call(api, `/admin/keys/${created.id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(200);
    expect((await call(api, '/admin/messages', { key: created.key })).status).toBe(401);
  });

  it('guards the Bull Board dashboard with the same keys: Basic for browsers, viewers read, operators act', async () => {
    const anonymous = await fetch(`${api.base}/admin/dashboard`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(`operator:${key}`).toString('base64')}` });
    const page = await fetch(`${api.base}/admin/dashboard`, { headers: basic(api.keys.viewer) });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await fetch(`${api.base}/admin/dashboard/api/queues`, { headers: { 'X-API-Key': api.keys.viewer } });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain('inbound');
    const viewerActs = await fetch(`${api.base}/admin/dashboard/api/queues/inbound/pause`, { method: 'PUT', headers: basic(api.keys.viewer) });
    expect(viewerActs.status).toBe(403);
    const operatorActs = await fetch(`${api.base}/admin/dashboard/api/queues/inbound/pause`, { method: 'PUT', headers: basic(api.keys.operator) });
    expect(operatorActs.status).toBeLessThan(300);
    expect(await api.queue.isPaused('inbound')).toBe(true);
    await api.queue.resume('inbound');
    await new Promise((r) => setTimeout(r, 100));
    const [audit] = await api.database.query<{ target: string; method: string; role: string }>(`SELECT target, method, role FROM admin_audit WHERE target = 'dashboard'`);
    expect(audit).toEqual({ target: 'dashboard', method: 'PUT', role: 'operator' });
  });

  it('leaves health, metrics and the documentation public', async () => {
    expect((await fetch(`${api.base}/health`)).status).toBe(200);
    expect((await fetch(`${api.base}/metrics`)).status).toBe(200);
    expect((await fetch(`${api.base}/docs/openapi.json`)).status).toBe(200);
  });
});
