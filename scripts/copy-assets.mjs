// Copies the non-TypeScript files that code loads at run time (CA certificates, data tables) from
// src/ into dist/ beside the compiled modules that read them (`copy-assets.mjs [FROM TO]`: another
// pair, e.g. into the benchmark build).
import { cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ASSET = /\.(pem|json|xml|md|sch|xsl|xslt|xsd)$/i;

const [from = 'src', to = 'dist'] = process.argv.slice(2);

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (ASSET.test(name)) cpSync(file, path.join(to, path.relative(from, file)));
  }
}
walk(from);
