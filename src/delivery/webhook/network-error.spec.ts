import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { describeNetworkError } from './network-error.js';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('describeNetworkError', () => {
  it.each([
    [new errors.ConnectTimeoutError(), 'connect-timeout'],
    [new errors.HeadersTimeoutError(), 'response-timeout'],
    [new errors.BodyTimeoutError(), 'response-timeout'],
    [Object.assign(new Error('signal timed out'), { name: 'TimeoutError' }), 'response-timeout'],
    [withCode('ECONNREFUSED'), 'connection-refused'],
    [withCode('ECONNRESET'), 'connection-reset'],
    [new errors.SocketError('other side closed'), 'connection-reset'],
    [withCode('ENOTFOUND'), 'dns'],
    [withCode('CERT_HAS_EXPIRED'), 'tls'],
    [withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [Object.assign(new Error('fetch failed'), { cause: withCode('ECONNREFUSED') }), 'connection-refused'],
    [withCode('EHOSTUNREACH'), 'network'],
    ['a string', 'network'],
  ])('%s → %s', (error, kind) => {
    expect(describeNetworkError(error).kind).toBe(kind);
  });

  it('keeps messages short', () => {
    expect(describeNetworkError(withCode('EWHATEVER', 'x'.repeat(1_000))).message.length).toBeLessThan(320);
  });
});
