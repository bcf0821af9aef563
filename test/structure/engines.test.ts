import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; version?: string; engines?: { node?: string } | string[] }>;
};

/** The Node versions `engines` promises must be ones every runtime dependency runs on, the image included. */
describe('Node engines', () => {
  it('every runtime dependency supports every Node version package.json promises', () => {
    const narrower: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '' || entry.dev || Array.isArray(entry.engines)) continue;
      const node = entry.engines?.node;
      if (node && !semver.subset(pkg.engines.node, node)) narrower.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version}: node ${node}`);
    }
    expect(narrower, `engines.node is "${pkg.engines.node}"`).toEqual([]);
  });

  it('the image runs a Node version package.json promises', () => {
    const from = [...readFileSync(path.join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)[-\w.]*/gm)].map((m) => Number(m[1]));
    expect(from.length).toBeGreaterThan(0);
    for (const major of from) expect(semver.satisfies(`${major}.99.0`, pkg.engines.node), `node:${major}`).toBe(true);
  });
});
