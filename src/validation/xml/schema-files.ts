import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xmlRegisterInputProvider } from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { shippedSchemaFolderOf, SYNTAXES, type Transaction } from '../../peppol/index.js';
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

/** Lets libxml2 read the schema folders shipped with the product (UBL 2.3, TSR, EUSR): their includes reach across sub-folders. */
export function allowShippedSchemaFolders(): void {
  for (const syntax of Object.values(SYNTAXES) as Array<{ schemaFolder?: string }>) {
    if (syntax.schemaFolder) allowSchemaFolder(path.resolve(packageRoot, syntax.schemaFolder));
  }
}

/**
 * The XML schema a transaction's documents are checked against: a path relative to the UBL 2.1
 * folder, or the absolute path of a schema shipped with the product for another syntax (UBL 2.3, TSR, EUSR).
 */
export function schemaPathOf(t: Pick<Transaction, 'syntax' | 'xsd'>): string {
  const folder = shippedSchemaFolderOf(t);
  return folder ? path.resolve(packageRoot, folder, t.xsd) : t.xsd;
}
