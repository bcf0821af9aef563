import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAdminCommands } from '../../src/admin/admin.cli.js';
import { UsageError } from '../../src/common/usage-error.js';
import { type AdminApi, call, startAdminApi } from './support.js';

/** Runs `peppol-ap admin …` in this process (same environment as the API under test) and captures stdout. */
async function admin(...args: string[]): Promise<string> {
  const program = new Command('peppol-ap').exitOverride();
  registerAdminCommands(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'peppol-ap', 'admin', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('peppol-ap admin commands', () => {
  let api: AdminApi;
  beforeAll(async () => {
    api = await startAdminApi({ SERVED_PARTICIPANTS: '0088:7315458756324' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates a key the API accepts, lists it, and revokes it', async () => {
    const created = JSON.parse(await admin('create-key', '--role', 'operator', '--label', 'from the cli', '--json')) as { id: string; key: string; role: string };
    expect(created.role).toBe('operator');
    const me = await call(api, '/admin/keys/me', { key: created.key });
    expect(await me.json()).toMatchObject({ id: created.id, role: 'operator', source: 'cli', label: 'from the cli' });
    expect(await admin('list-keys')).toContain(`${created.id}  operator cli`);
    expect(await admin('revoke-key', created.id)).toBe(`revoked key ${created.id}\n`);
    expect((await call(api, '/admin/keys/me', { key: created.key })).status).toBe(401);
  });

  it('creates a backend key for served participants, and refuses one without them or for a participant not served', async () => {
    const created = JSON.parse(await admin('create-key', '--role', 'backend', '--participant', '0088:7315458756324', '--label', 'oms', '--json')) as { id: string; participants: string[] };
    expect(created.participants).toEqual(['0088:7315458756324']);
    const listed = (await (await call(api, '/admin/keys', { key: api.keys.admin })).json()) as { data: Array<{ id: string; role: string; source: string; participants: string[] }> };
    expect(listed.data.find((k) => k.id === created.id)).toMatchObject({ role: 'backend', source: 'cli', participants: ['0088:7315458756324'] });
    expect(await admin('list-keys')).toContain('[0088:7315458756324]');
    await expect(admin('create-key', '--role', 'backend')).rejects.toThrow(/needs --participant/);
    await expect(admin('create-key', '--role', 'backend', '--participant', '0088:1111111111111')).rejects.toThrow(/not a participant served here/);
    await expect(admin('create-key', '--role', 'viewer', '--participant', '0088:7315458756324')).rejects.toThrow(/only for --role backend/);
  });

  it('refuses an unknown role, an unknown key and revoking the last admin key', async () => {
    await expect(admin('create-key', '--role', 'root')).rejects.toThrow(UsageError);
    await expect(admin('revoke-key', 'ffffffffffff')).rejects.toThrow(/no active key/);
    const adminId = ((await (await call(api, '/admin/keys/me', { key: api.keys.admin })).json()) as { id: string }).id;
    await expect(admin('revoke-key', adminId)).rejects.toThrow(/last active admin key/);
  });
});
