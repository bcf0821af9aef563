/** A webhook endpoint URL that cannot be used; the message says why (never echoing credentials). */
export class EndpointUrlError extends Error {
  override name = 'EndpointUrlError';
}

const MAX_URL_LENGTH = 2_048;

/**
 * Validates an OMS endpoint URL before a route is stored: absolute https (http only when allowed,
 * for loopback demos and tests, or to the named hosts, e.g. the sample OMS inside a compose network), no credentials in the URL (use the signing secret), no fragment.
 */
export function parseEndpointUrl(raw: string, options: { allowHttp: boolean; httpHosts?: readonly string[] }): URL {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) {
    throw new EndpointUrlError(`endpoint URL must be 1 to ${MAX_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EndpointUrlError('endpoint URL is not a valid absolute URL');
  }
  if (url.protocol === 'http:' && !options.allowHttp && !(options.httpHosts ?? []).includes(url.hostname.toLowerCase())) {
    throw new EndpointUrlError('endpoint URL must use https (plain http is disabled: WEBHOOK_ALLOW_HTTP, WEBHOOK_HTTP_HOSTS)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EndpointUrlError(`endpoint URL scheme must be https, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new EndpointUrlError('endpoint URL must not contain credentials');
  }
  if (url.hash !== '') throw new EndpointUrlError('endpoint URL must not contain a fragment');
  return url;
}
