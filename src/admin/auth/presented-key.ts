import type { Request } from 'express';

export const API_KEY_HEADER = 'x-api-key';

/**
 * The API key a request presents: `X-API-Key: <key>` or `Authorization: Bearer <key>`, and for the
 * browser-facing dashboard also HTTP Basic (any user name, the key as password).
 */
export function presentedKey(req: Request, opts: { basic?: boolean } = {}): string | undefined {
  const header = req.headers[API_KEY_HEADER];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = req.headers.authorization;
  if (typeof authorization !== 'string') return undefined;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme!)) return value;
  if (opts.basic && /^basic$/i.test(scheme!)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined;
  }
  return undefined;
}
