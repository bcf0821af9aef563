import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PATHS } from '../../src/admin/auth/public-routes.js';
import { serializeOpenApi } from '../../src/admin/docs/openapi-document.js';
import { COMMITTED_OPENAPI, generateOpenApi } from '../../src/app/openapi-sync.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/delivery/webhook/events.js';
import { type AdminApi, call, startAdminApi } from './support.js';

type Operation = {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { example?: unknown; examples?: unknown }> }>;
  requestBody?: { content: Record<string, { example?: unknown; examples?: unknown }> };
  'x-required-role'?: string;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; webhooks: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

const isPublic = (p: string) => PUBLIC_PATHS.some((re) => re.test(p));
/** A concrete URL for a templated path; the values need not exist (auth is checked before anything else). */
const concrete = (p: string) => p.replace(/\{[^}]+\}/g, 'placeholder');

describe('OpenAPI document and the route walk', () => {
  let api: AdminApi;
  let doc: Doc;
  let served: string;

  beforeAll(async () => {
    api = await startAdminApi();
    const res = await fetch(`${api.base}/docs/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    served = serializeOpenApi(doc as never);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('is OpenAPI 3.1 with the webhook payloads described', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, 'webhook.test'].sort());
    expect(doc.components.schemas).toHaveProperty('OrderCreatedWebhookEvent');
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('matches the committed copy (regenerate with: npm run openapi:sync)', async () => {
    const committed = await readFile(path.resolve(process.cwd(), COMMITTED_OPENAPI), 'utf8');
    expect(served).toBe(committed);
    expect(await generateOpenApi()).toBe(committed);
  });

  it('documents a key requirement, a 401 and examples for every operation that is not public', () => {
    const missing: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${p}`;
        if (isPublic(p)) continue;
        if (!op.security?.length) missing.push(`${name}: no security`);
        if (!op.responses['401']) missing.push(`${name}: no 401`);
        for (const [status, response] of Object.entries(op.responses)) {
          for (const [type, media] of Object.entries(response.content ?? {})) {
            if (media.example === undefined && media.examples === undefined) missing.push(`${name} ${status} ${type}: no example`);
          }
        }
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
          if (media.example === undefined && media.examples === undefined) missing.push(`${name} body ${type}: no example`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers 401 without a key (and with a wrong one) on every route but /health*, /metrics and /as4', async () => {
    const walked: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        const url = concrete(p);
        const init = { method: method.toUpperCase(), ...(['post', 'put', 'patch'].includes(method) ? { body: '{}' } : {}) };
        const anonymous = await call(api, url, init);
        const wrongKey = await call(api, url, { ...init, key: 'pap_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
        if (isPublic(p)) {
          expect(anonymous.status, `${method} ${p}`).not.toBe(401);
          continue;
        }
        walked.push(`${method} ${p}`);
        expect(anonymous.status, `${method} ${p} without a key`).toBe(401);
        expect(wrongKey.status, `${method} ${p} with a wrong key`).toBe(401);
        expect(anonymous.headers.get('content-type'), `${method} ${p}`).toMatch(/^application\/problem\+json/);
      }
    }
    expect(walked.length).toBeGreaterThan(20);
    expect(walked).toContain('get /admin/messages');
    expect(walked).toContain('get /admin/dashboard');
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await fetch(`${api.base}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});
