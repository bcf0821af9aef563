import { describe, expect, it } from 'vitest';
import { configuredKeyProblem, generateApiKey, hashApiKey, keyIdOf, keyMatches } from './api-key.js';
import { roleAllows } from './roles.js';

describe('API keys', () => {
  it('generates unique keys whose id finds them and whose hash matches only them', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^pap_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(keyIdOf(a.key)).toBe(a.id);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(17));
    expect(keyMatches(a.key, a.hash)).toBe(true);
    expect(keyMatches(b.key, a.hash)).toBe(false);
    expect(keyMatches(`${a.key.slice(0, -1)}x`, a.hash)).toBe(false);
  });

  it('derives a stable id for configured free-form keys and refuses short or odd ones', () => {
    const key = 'k'.repeat(40);
    expect(keyIdOf(key)).toMatch(/^cfg[0-9a-f]{9}$/);
    expect(keyIdOf(key)).toBe(keyIdOf(key));
    expect(keyIdOf('short')).toBeUndefined();
    expect(keyIdOf('x'.repeat(300))).toBeUndefined();
    expect(keyIdOf(`${'k'.repeat(40)} space`)).toBeUndefined();
    expect(configuredKeyProblem('short')).toMatch(/shorter than 32/);
    expect(configuredKeyProblem(`${'k'.repeat(40)}é`)).toMatch(/printable ASCII/);
    expect(configuredKeyProblem(generateApiKey().key)).toBeUndefined();
  });

  it('orders roles viewer < operator < admin', () => {
    expect(roleAllows('admin', 'operator')).toBe(true);
    expect(roleAllows('operator', 'operator')).toBe(true);
    expect(roleAllows('viewer', 'operator')).toBe(false);
    expect(roleAllows('operator', 'admin')).toBe(false);
  });

  it('keeps the backend role apart: it meets only itself, and no admin role meets it', () => {
    expect(roleAllows('backend', 'backend')).toBe(true);
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      expect(roleAllows('backend', role)).toBe(false);
      expect(roleAllows(role, 'backend')).toBe(false);
    }
  });
});
