/** One HTTP exchange with a deadline and a cap on the response size. */
export interface BoundedRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface BoundedResponse {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
}

export class HttpFetchError extends Error {
  override name = 'HttpFetchError';
}

/**
 * The only door to the network for OCSP, CRL and SMP requests: plain http(s), no redirects followed
 * silently, a timeout covering the whole exchange and a size cap enforced while streaming.
 */
export class BoundedHttpClient {
  async request(req: BoundedRequest): Promise<BoundedResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new HttpFetchError(`invalid URL ${JSON.stringify(req.url)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new HttpFetchError(`unsupported URL scheme ${url.protocol} in ${req.url}`);
    }
    const signal = AbortSignal.timeout(req.timeoutMs);
    let response: Response;
    try {
      const body = req.body ? new Uint8Array(req.body) : undefined;
      response = await fetch(url, { method: req.method, body, headers: req.headers, signal, redirect: 'manual' });
    } catch (error) {
      throw new HttpFetchError(`${req.method} ${req.url} failed: ${describeFetchError(error, req.timeoutMs)}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > req.maxBytes) {
      await response.body?.cancel();
      throw new HttpFetchError(`${req.url} answered ${declared} bytes, more than the ${req.maxBytes} allowed`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          total += chunk.byteLength;
          if (total > req.maxBytes) {
            await response.body.cancel().catch(() => undefined);
            throw new HttpFetchError(`${req.url} answered more than the ${req.maxBytes} bytes allowed`);
          }
          chunks.push(Buffer.from(chunk));
        }
      }
    } catch (error) {
      if (error instanceof HttpFetchError) throw error;
      throw new HttpFetchError(`${req.method} ${req.url} failed while reading: ${describeFetchError(error, req.timeoutMs)}`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, contentType: headers['content-type'], body: Buffer.concat(chunks), headers };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : e.message;
}
