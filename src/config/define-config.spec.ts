import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defineConfig, describeDefault } from './define-config.js';
import { z } from 'zod';
import { env } from './env.js';

const sample = defineConfig(
  'sample',
  { SAMPLE_PORT: env.int(8080, 1, 65535), SAMPLE_URL: env.url(['redis'], 'redis://127.0.0.1:6379'), SAMPLE_ON: env.bool(false), SAMPLE_LIST: env.list(['a']) },
  (v) => ({ port: v.SAMPLE_PORT, url: v.SAMPLE_URL, on: v.SAMPLE_ON, list: v.SAMPLE_LIST }),
);

describe('defineConfig', () => {
  it('applies defaults when variables are unset or empty', () => {
    expect(sample.load({ SAMPLE_PORT: '' })).toEqual({ port: 8080, url: 'redis://127.0.0.1:6379', on: false, list: ['a'] });
  });

  it('converts strings to typed values', () => {
    expect(sample.load({ SAMPLE_PORT: '9000', SAMPLE_ON: 'true', SAMPLE_LIST: 'x, y,,z' })).toMatchObject({ port: 9000, on: true, list: ['x', 'y', 'z'] });
  });

  it.each([
    [{ SAMPLE_PORT: 'eighty' }, /SAMPLE_PORT \("eighty"\)/],
    [{ SAMPLE_PORT: '70000' }, /SAMPLE_PORT/],
    [{ SAMPLE_URL: 'http://x' }, /SAMPLE_URL .*scheme redis/],
    [{ SAMPLE_URL: 'not a url' }, /SAMPLE_URL/],
    [{ SAMPLE_ON: 'maybe' }, /SAMPLE_ON .*true or false/],
  ])('names the bad variable in one line: %j', (source, pattern) => {
    let error: unknown;
    try {
      sample.load(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names every bad variable at once, one line each', () => {
    let error: unknown;
    try {
      sample.load({ SAMPLE_PORT: 'eighty', SAMPLE_URL: 'http://x', SAMPLE_ON: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/SAMPLE_PORT[\s\S]*SAMPLE_URL[\s\S]*SAMPLE_ON/);
    expect((error as Error).message.split('\n')).toHaveLength(4);
  });

  it('never shows a secret value or URL credentials', () => {
    const secretive = defineConfig(
      'secretive',
      { SECRETIVE_URL: env.url(['postgres']), SECRETIVE_PASSWORD: z.string().min(20).optional() },
      (v) => v,
    );
    let error: unknown;
    try {
      secretive.load({ SECRETIVE_URL: 'mysql://app:S3cretPassw0rd@127.0.0.1/db', SECRETIVE_PASSWORD: 'tooShort-pw' });
    } catch (e) {
      error = e;
    }
    const message = (error as Error).message;
    expect(message).toContain('SECRETIVE_URL ("mysql://***@127.0.0.1/db")');
    expect(message).toContain('SECRETIVE_PASSWORD (set, hidden)');
    expect(message).not.toContain('S3cretPassw0rd');
    expect(message).not.toContain('tooShort-pw');
  });

  it('reads a variable from the file X_FILE names (Docker secrets), never showing its content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-file-'));
    try {
      writeFileSync(path.join(dir, 'port'), '9100\n');
      expect(sample.load({ SAMPLE_PORT_FILE: path.join(dir, 'port') }).port).toBe(9100);
      // The variable itself wins over its file.
      expect(sample.load({ SAMPLE_PORT: '9200', SAMPLE_PORT_FILE: path.join(dir, 'port') }).port).toBe(9200);
      const secretive = defineConfig('secretive', { SECRETIVE_PASSWORD: z.string().min(20) }, (v) => v);
      writeFileSync(path.join(dir, 'pw'), 'short-S3cret\n');
      expect(() => secretive.load({ SECRETIVE_PASSWORD_FILE: path.join(dir, 'pw') })).toThrow(/SECRETIVE_PASSWORD \(set, hidden\)/);
      expect(() => secretive.load({ SECRETIVE_PASSWORD_FILE: path.join(dir, 'pw') })).not.toThrow(/short-S3cret/);
      expect(() => sample.load({ SAMPLE_PORT_FILE: path.join(dir, 'missing') })).toThrow(/SAMPLE_PORT_FILE \(".*missing"\): cannot read it \(ENOENT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes defaults for documentation', () => {
    expect(describeDefault(env.int(5))).toBe('5');
    expect(describeDefault(env.list(['a', 'b']))).toBe('a,b');
    expect(describeDefault(env.optionalString())).toBe('');
  });
});
