// `npm start` builds only when dist/ is older than what it is built from: the sources (src/,
// console/), the build scripts and configuration, and the installed dependencies. After a build the
// stamp dist/.build-stamp records it; a start with nothing changed goes straight to the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'console', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const SKIP = new Set(['node_modules', 'dist', '.vite']);
const STAMP = path.join('dist', '.build-stamp');

function newest(file) {
  if (!existsSync(file)) return 0;
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(file)) if (!SKIP.has(name)) latest = Math.max(latest, newest(path.join(file, name)));
  return latest;
}

const stamp = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -1;
const changed = Math.max(...INPUTS.map(newest));
if (stamp >= changed) {
  process.stdout.write(`peppol-ap: dist/ is up to date (built ${new Date(stamp).toISOString()}): no build needed\n`);
} else {
  process.stdout.write('peppol-ap: building (sources changed since the last build)\n');
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Stamped with the start time: a source saved during the build makes the next start build again.
  writeFileSync(STAMP, '');
  const at = new Date(started);
  utimesSync(STAMP, at, at);
  process.stdout.write(`peppol-ap: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
