import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const doc = JSON.parse(readFileSync(path.resolve(process.cwd(), 'docs/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
};

/** What a reader of Swagger UI sees: every operation summarised, tags in one style. */
describe('the OpenAPI document as read in Swagger UI', () => {
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${p}`, op })));

  it('summarises every operation', () => {
    expect(operations.filter(({ op }) => !op.summary?.trim()).map(({ name }) => name)).toEqual([]);
  });

  it('tags every operation in lower case (no class-name tags such as "As4")', () => {
    expect(operations.filter(({ op }) => !op.tags?.length || op.tags.some((t) => t !== t.toLowerCase())).map(({ name, op }) => `${name} ${JSON.stringify(op.tags)}`)).toEqual([]);
  });
});
