import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest directory above this file holding package.json (source or benchmark build). */
const PACKAGE_ROOT = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('no package.json above the benchmark code');
  }
})();

/** The built access point (`npm run build`): benchmarks start its processes as deployed. */
export const BUILT_SERVER = path.join(PACKAGE_ROOT, 'dist');
