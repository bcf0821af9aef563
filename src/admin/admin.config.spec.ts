import { describe, expect, it } from 'vitest';
import { adminConfig } from './admin.config.js';

const key = 'k'.repeat(40);

describe('admin configuration', () => {
  it('reads role:key entries (keys may contain colons) with defaults for the bounds', () => {
    const cfg = adminConfig.load({ ADMIN_API_KEYS: `admin:${key}, viewer:${key}:with:colons` });
    expect(cfg.keys).toEqual([
      { role: 'admin', key },
      { role: 'viewer', key: `${key}:with:colons` },
    ]);
    expect(cfg).toMatchObject({ pageSizeDefault: 50, pageSizeMax: 200, docsEnabled: true, dashboardEnabled: true });
  });

  it.each([
    [{ ADMIN_API_KEYS: `root:${key}` }, /ADMIN_API_KEYS entry #1: expected role:key with role viewer, operator or admin/],
    [{ ADMIN_API_KEYS: key }, /entry #1: expected role:key/],
    [{ ADMIN_API_KEYS: `admin:${key},operator:short` }, /entry #2: key is shorter than 32 characters/],
    [{ ADMIN_PAGE_SIZE_MAX: '5000' }, /ADMIN_PAGE_SIZE_MAX/],
    [{ ADMIN_PAGE_SIZE_DEFAULT: '300' }, /ADMIN_PAGE_SIZE_DEFAULT must not exceed ADMIN_PAGE_SIZE_MAX/],
  ])('refuses %j with a line naming the variable', (env, message) => {
    expect(() => adminConfig.load(env)).toThrow(message);
  });
});
