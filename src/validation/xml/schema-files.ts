import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xmlRegisterInputProvider } from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { shippedSchemaFolderOf, type Transaction } from '../../peppol/index.js';
import { packageRoot } from '../validation.config.js';

const allowedRoots = new Set<string>();
let registered = false;

function toPath(filename: string): string {
  return path.resolve(filename.startsWith('file:') ? fileURLToPath(filename) : filename);
}

/**
 * Lets libxml2 read files (schema includes and imports) only below the given folders, so nothing a
 * document says can make the parser open any other file.
 */
export function allowSchemaFolder(folder: string): void {
  allowedRoots.add(path.resolve(folder) + path.sep);
  if (registered) return;
  registered = true;
  xmlRegisterInputProvider({
    ...fsInputProviders,
    match: (filename) => {
      if (!fsInputProviders.match(filename)) return false;
      const resolved = toPath(filename);
      return [...allowedRoots].some((root) => resolved.startsWith(root));
    },
  });
}

/**
 * The XML schema a transaction's documents are checked against: a path relative to the UBL 2.1
 * folder, or the absolute path of a schema shipped with the product for another syntax (TSR, EUSR).
 */
export function schemaPathOf(t: Pick<Transaction, 'syntax' | 'xsd'>): string {
  const folder = shippedSchemaFolderOf(t);
  return folder ? path.resolve(packageRoot, folder, t.xsd) : t.xsd;
}
