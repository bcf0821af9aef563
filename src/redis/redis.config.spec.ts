import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/define-config.js';
import { sentinelOptions } from './redis-connections.js';
import { parseSentinel, redisConfig } from './redis.config.js';

describe('Redis Sentinel configuration', () => {
  it('reads host:port lists, IPv6 in brackets, the default sentinel port', () => {
    expect(parseSentinel('10.0.0.5:26380')).toEqual({ host: '10.0.0.5', port: 26_380 });
    expect(parseSentinel(' sentinel-a ')).toEqual({ host: 'sentinel-a', port: 26_379 });
    expect(parseSentinel('[::1]:5000')).toEqual({ host: '::1', port: 5_000 });
  });

  it('refuses what is no address, naming the variable', () => {
    expect(() => parseSentinel('a:b:c')).toThrow(ConfigError);
    expect(() => parseSentinel('host:70000')).toThrow(/REDIS_SENTINELS/);
    expect(() => redisConfig.load({ REDIS_SENTINELS: 'ok:1,bad host:2' })).toThrow(/REDIS_SENTINELS/);
  });

  it('no sentinels by default: REDIS_URL is the server', () => {
    expect(redisConfig.load({}).sentinels).toEqual([]);
  });

  it('through sentinels: the primary by name, credentials, database and TLS from REDIS_URL', () => {
    const cfg = redisConfig.load({ REDIS_URL: 'rediss://app:s%3Dcret@ignored:6379/2', REDIS_SENTINELS: 's1:26379,s2', REDIS_SENTINEL_NAME: 'ap' });
    const options = sentinelOptions(cfg, { maxRetriesPerRequest: 1 });
    expect(options).toMatchObject({
      sentinels: [
        { host: 's1', port: 26_379 },
        { host: 's2', port: 26_379 },
      ],
      name: 'ap',
      role: 'master',
      username: 'app',
      password: 's=cret',
      db: 2,
      tls: {},
      maxRetriesPerRequest: 1,
    });
    expect(sentinelOptions(redisConfig.load({ REDIS_SENTINELS: 's1' }), {})).toMatchObject({ db: 0, password: undefined, tls: undefined });
  });
});
