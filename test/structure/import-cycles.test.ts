import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

/**
 * Import cycles among the TypeScript files under `root`, type-only imports included, each as the list
 * of files on the cycle (relative to `root`). The migrations' index is set aside: every migration
 * imports its `Migration` type, and the index lists them all.
 */
async function importCycles(root: string): Promise<string[][]> {
  const tree = await parseDependencyTree(['**/*.ts'], {
    cwd: root,
    context: root,
    // The project's compiler options, so that `./x.js` resolves to `./x.ts` as it does for tsc.
    tsconfig: path.resolve('tsconfig.json'),
    transform: false,
    skipDynamicImports: false,
  });
  // An import the tool cannot follow would hide the cycles through it.
  const unresolved = Object.values(tree).flatMap((deps) => (deps ?? []).filter((d) => d.id === null && d.request.startsWith('.')));
  if (unresolved.length > 0) throw new Error(`unresolved imports: ${unresolved.map((d) => `${d.issuer} -> ${d.request}`).join(', ')}`);
  return parseCircular(tree).filter((cycle) => !cycle.every((file) => file.includes('database/migrations/')));
}

describe('import structure', () => {
  it('src has no import cycle', async () => {
    const cycles = await importCycles(path.resolve('src'));
    expect(cycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('the check finds a cycle, also one closed by a type-only import', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'import-cycles-'));
    try {
      await writeFile(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
      await writeFile(path.join(dir, 'b.ts'), "import type { C } from './c.js';\nexport const b: C | undefined = undefined;\n");
      await writeFile(path.join(dir, 'c.ts'), "import { a } from './a.js';\nexport type C = ReturnType<typeof a>;\n");
      await writeFile(path.join(dir, 'user.ts'), "import { a } from './a.js';\nexport const user = a;\n");
      const cycles = await importCycles(dir);
      expect(cycles.map((cycle) => [...cycle].sort())).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
