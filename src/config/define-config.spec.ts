import { describe, expect, it } from 'vitest';
import { ConfigError, defineConfig, describeDefault } from './define-config.js';
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

  it('describes defaults for documentation', () => {
    expect(describeDefault(env.int(5))).toBe('5');
    expect(describeDefault(env.list(['a', 'b']))).toBe('a,b');
    expect(describeDefault(env.optionalString())).toBe('');
  });
});
