import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApi, call, startAdminApi } from '../admin/support.js';

interface Operation {
  method: string;
  path: string;
  query: string[];
  pathParams: string[];
}

/** Every admin operation with its parameters, from the committed OpenAPI document. */
function adminOperations(): Operation[] {
  const doc = JSON.parse(readFileSync(path.resolve(process.cwd(), 'docs/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  };
  const out: Operation[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    if (!p.startsWith('/admin/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      out.push({ method: method.toUpperCase(), path: p, query: params.filter((x) => x.in === 'query').map((x) => x.name), pathParams: params.filter((x) => x.in === 'path').map((x) => x.name) });
    }
  }
  return out;
}

/** What an attacker puts in a filter: SQL, operators, traversal, markup, control bytes, sheer size. */
const INJECTIONS = [
  "' OR '1'='1",
  "1; DROP TABLE messages; --",
  "%' OR 1=1 --",
  "') UNION SELECT id, state FROM messages --",
  '{"$gt":""}',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  '$(id)',
  'a\u0000b',
  '\ud800',
  '9'.repeat(400),
  'x'.repeat(20_000),
];

const TRAVERSALS = ['..%2F..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....%2F%2F....%2F%2Fetc%2Fpasswd', "'%20OR%201=1--", '%00', 'x'.repeat(3_000)];

/**
 * Hostile requests to the admin API, with a valid admin key (the worst case): injections in every
 * filter parameter, traversal in every path parameter and in raw-document downloads, malformed,
 * oversized and prototype-polluting JSON. Each is refused or answered harmlessly: never a 5xx, never
 * a file from outside the store, the database unchanged.
 */
describe('hostile input to the admin API', () => {
  let api: AdminApi;
  let messageId: string;
  const operations = adminOperations();

  beforeAll(async () => {
    api = await startAdminApi();
    const raw = await api.blobs.put(Buffer.from('--b\r\n\r\nraw\r\n--b--\r\n'));
    const record = await api.messages.create(
      { direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'hostile-seed@example' },
      { actor: 'test', documents: [{ role: 'received-raw', sha256: raw.sha256, mediaType: 'multipart/related; boundary="b"', size: raw.size }] },
    );
    messageId = record.id;
  });
  afterAll(() => api?.stop());

  const messageCount = async () => Number((await api.database.query<{ n: string }>(`SELECT count(*) AS n FROM messages`))[0]!.n);

  it('the OpenAPI document lists the filter and path parameters this suite attacks', () => {
    expect(operations.filter((o) => o.method === 'GET' && o.query.length > 0).length).toBeGreaterThan(5);
    expect(operations.some((o) => o.path === '/admin/messages/{id}/documents/{role}')).toBe(true);
  });

  it('answers injections in every filter parameter with 400 or a harmless result', async () => {
    let cases = 0;
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && o.query.length > 0)) {
      const base = op.path.replace(/\{[^}]+\}/g, (m) => (m === '{supplierId}' ? '0192:987654325' : m === '{queue}' ? 'inbound' : messageId));
      for (const name of op.query) {
        for (const value of INJECTIONS) {
          cases++;
          const res = await call(api, `${base}?${new URLSearchParams({ [name]: value })}`, { key: api.keys.admin });
          const body = await res.text();
          if (res.status >= 500 || ![200, 400, 404, 414, 431].includes(res.status)) failures.push(`${op.path} ${name}=${value.slice(0, 30)}: HTTP ${res.status} ${body.slice(0, 200)}`);
          // A text filter matches text: an injected OR must not widen it to the seeded message.
          if (res.status === 200 && op.path === '/admin/messages' && body.includes(messageId) && !messageId.includes(value) && name !== 'limit') {
            failures.push(`${op.path} ${name}=${value}: returned the seeded message`);
          }
        }
      }
    }
    console.log(`hostile admin: filter cases=${cases}`);
    expect(failures).toEqual([]);
    expect(await messageCount()).toBe(1);
  }, 240_000);

  it('refuses traversal and junk in every path parameter, downloads included, and never serves a file from outside', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const op of operations.filter((o) => o.method === 'GET' && o.pathParams.length > 0)) {
      for (const hostile of TRAVERSALS) {
        for (const target of op.pathParams) {
          cases++;
          const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === target ? hostile : name === 'role' ? 'received-raw' : name === 'queue' ? 'inbound' : messageId));
          const res = await call(api, url, { key: api.keys.admin });
          const body = await res.text();
          if (res.status >= 500 || res.status === 200) failures.push(`${url.slice(0, 120)}: HTTP ${res.status}`);
          if (body.includes('root:x:0:0')) failures.push(`${url.slice(0, 120)}: served /etc/passwd`);
        }
      }
    }
    // The legitimate download still works, byte-exact.
    const ok = await call(api, `/admin/messages/${messageId}/documents/received-raw`, { key: api.keys.admin });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('--b\r\n\r\nraw\r\n--b--\r\n');
    console.log(`hostile admin: path cases=${cases}`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses malformed, oversized, deeply nested and prototype-polluting JSON bodies', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${api.base}/admin/routes`, { method: 'POST', headers: { 'X-API-Key': api.keys.admin, 'Content-Type': contentType }, body });
    const answers = {
      malformed: (await post('{"kind": "webhook", ')).status,
      oversized: (await post(JSON.stringify({ kind: 'webhook', name: 'x'.repeat(2 * 1024 * 1024) }))).status,
      deep: (await post('['.repeat(100_000) + ']'.repeat(100_000))).status,
      polluting: (await post('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "kind": "webhook"}')).status,
      wrongType: (await post('kind=webhook', 'application/x-www-form-urlencoded')).status,
      notAnObject: (await post('"just a string"')).status,
    };
    expect(answers.malformed).toBe(400);
    expect(answers.oversized).toBe(413);
    console.log(`hostile admin: bodies ${JSON.stringify(answers)}`);
    expect([400, 413, 422]).toContain(answers.deep);
    expect([400, 422]).toContain(answers.polluting);
    expect([400, 415, 422]).toContain(answers.wrongType);
    expect(answers.notAnObject).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${api.base}/health`)).status).toBe(200);
    expect(await messageCount()).toBe(1);
  });
});
