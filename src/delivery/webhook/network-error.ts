import { errors } from 'undici';

/** Why no HTTP response came back. All of these are retryable. */
export type NetworkErrorKind =
  | 'connect-timeout'
  | 'response-timeout'
  | 'connection-refused'
  | 'connection-reset'
  | 'dns'
  | 'tls'
  | 'network';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Maps an error thrown by undici (or the socket beneath it) to a kind and a one-line message. */
export function describeNetworkError(error: unknown): { kind: NetworkErrorKind; message: string } {
  const err = error as { code?: string; name?: string; message?: string; cause?: unknown };
  const code = err?.code ?? (err?.cause as { code?: string } | undefined)?.code;
  const message = String(err?.message ?? error).slice(0, 300);
  if (error instanceof errors.ConnectTimeoutError || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return { kind: 'connect-timeout', message: 'connect timeout' };
  }
  if (
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    err?.name === 'TimeoutError'
  ) {
    return { kind: 'response-timeout', message: 'response timeout' };
  }
  if (code === 'ECONNREFUSED') return { kind: 'connection-refused', message: 'connection refused' };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || error instanceof errors.SocketError) {
    return { kind: 'connection-reset', message: `connection closed by peer (${message})` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: `DNS lookup failed (${code})` };
  if (code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) {
    return { kind: 'tls', message: `TLS failure (${code})` };
  }
  return { kind: 'network', message: code ? `${code}: ${message}` : message };
}
