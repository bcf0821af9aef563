import { describe, expect, it } from 'vitest';
import { EndpointUrlError, parseEndpointUrl } from './endpoint-url.js';

describe('parseEndpointUrl', () => {
  it('accepts https, and http only when allowed', () => {
    expect(parseEndpointUrl('https://oms.example.com/hooks?x=1', { allowHttp: false }).href).toBe(
      'https://oms.example.com/hooks?x=1',
    );
    expect(parseEndpointUrl('http://127.0.0.1:8090/webhooks', { allowHttp: true }).port).toBe('8090');
  });

  it('allows plain http to the named hosts only (the sample OMS in a compose network)', () => {
    expect(parseEndpointUrl('http://sample-oms:8090/webhooks', { allowHttp: false, httpHosts: ['sample-oms'] }).host).toBe('sample-oms:8090');
    expect(() => parseEndpointUrl('http://oms.example.com/webhooks', { allowHttp: false, httpHosts: ['sample-oms'] })).toThrow(/WEBHOOK_HTTP_HOSTS/);
  });

  it.each([
    ['http when not allowed', 'http://oms.example.com/', /must use https/],
    ['relative', '/webhooks', /not a valid absolute URL/],
    ['other scheme', 'ftp://oms.example.com/', /scheme must be https, not ftp/],
    ['credentials', 'https://user:pw@oms.example.com/', /must not contain credentials/],
    ['fragment', 'https://oms.example.com/#x', /fragment/],
    ['too long', 'https://oms.example.com/' + 'a'.repeat(2_100), /1 to 2048 characters/],
  ])('refuses %s', (_fault, url, message) => {
    expect(() => parseEndpointUrl(url, { allowHttp: false })).toThrow(EndpointUrlError);
    expect(() => parseEndpointUrl(url, { allowHttp: false })).toThrow(message);
  });

  it('never echoes the credentials', () => {
    try {
      parseEndpointUrl('https://user:s3cret@oms.example.com/', { allowHttp: false });
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cret');
    }
    expect.assertions(1);
  });
});
