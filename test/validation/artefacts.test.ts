import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every official artefact must still be byte-exact what SOURCES.md recorded. */
describe.each(['schemas/peppol-poacc/2025.11', 'schemas/ubl-2.1', 'schemas/ubl-2.3'])('official artefacts in %s', (dir) => {
  it('match the sha256 listed in SOURCES.md', () => {
    const sources = readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');
    const rows = [...sources.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)];
    expect(rows.length).toBeGreaterThan(10);
    for (const [, file, sha] of rows) {
      expect(createHash('sha256').update(readFileSync(path.join(dir, file!))).digest('hex'), file).toBe(sha);
    }
  });
});
