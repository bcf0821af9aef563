import type { CatalogueHeader, CatalogueLine } from './catalogue-model.js';

/**
 * What a received catalogue does to the supplier's active catalogue (BIS catalogue "Action code"):
 * header `Add` (first catalogue for the contract) and `Replace` (the default) put the whole
 * catalogue in place; `Update` applies its lines one by one; `Delete` removes the catalogue. Lines
 * are keyed by item id (seller's, else standard), not by line id.
 */
export type CatalogueOperation = 'add' | 'replace' | 'update' | 'delete';
export type LineOperation = 'upsert' | 'delete';

export class CatalogueActionError extends Error {
  override name = 'CatalogueActionError';
}

const HEADER: Record<string, CatalogueOperation> = { Add: 'add', Replace: 'replace', Update: 'update', Delete: 'delete' };

export function catalogueOperation(header: CatalogueHeader): CatalogueOperation {
  if (header.actionCode === undefined) return 'replace';
  const operation = HEADER[header.actionCode];
  if (!operation) throw new CatalogueActionError(`unknown catalogue action code "${header.actionCode}" (codes are case-sensitive: Add, Replace, Update, Delete)`);
  return operation;
}

/** What to do with one line; line `Update`/`Delete` are only meaningful in an `Update` catalogue. */
export function lineOperation(operation: CatalogueOperation, line: CatalogueLine): LineOperation {
  const code = line.actionCode;
  if (code !== undefined && code !== 'Add' && code !== 'Update' && code !== 'Delete') {
    throw new CatalogueActionError(`line ${line.id ?? '?'}: unknown line action code "${code}"`);
  }
  if (operation === 'delete') throw new CatalogueActionError('a Delete catalogue removes the whole catalogue; its lines are not applied');
  if ((code === 'Update' || code === 'Delete') && operation !== 'update') {
    throw new CatalogueActionError(`line ${line.id ?? '?'}: line action ${code} is only allowed when the catalogue action is Update`);
  }
  return code === 'Delete' ? 'delete' : 'upsert';
}

/** The key a line is stored and searched under: seller's item id, else `scheme:value` of the standard id. */
export function itemKey(line: CatalogueLine): string | undefined {
  if (line.item.sellersId) return line.item.sellersId;
  const standard = line.item.standardId;
  return standard ? `${standard.schemeId ?? ''}:${standard.value}` : undefined;
}

/** Every id a line can be found by (seller's, standard, buyer's, manufacturer's). */
export function searchableIds(line: CatalogueLine): string[] {
  const { sellersId, standardId, buyersId, manufacturersId } = line.item;
  return [sellersId, standardId?.value, buyersId, manufacturersId].filter((id): id is string => Boolean(id));
}

/**
 * Which catalogue of a supplier this one is: the provider plus the contract it refers to (a
 * Replace replaces "the catalogue referring to the contract"), else the catalogue id.
 */
export function catalogueKey(header: CatalogueHeader): string {
  const endpoint = header.provider?.endpoint;
  if (!endpoint) throw new CatalogueActionError('the catalogue has no provider endpoint');
  const provider = `${endpoint.schemeId ?? ''}:${endpoint.value}`;
  if (header.contractId) return `${provider}|contract:${header.contractId}`;
  if (header.id) return `${provider}|catalogue:${header.id}`;
  throw new CatalogueActionError('the catalogue has neither a contract reference nor an id');
}

/**
 * True when `candidate` is newer than `active`: a later issue date, or the same date and a higher
 * version (numeric when both are numbers). A late, older catalogue must not replace a newer one.
 */
export function isNewerCatalogue(candidate: CatalogueHeader, active: CatalogueHeader): boolean {
  const a = candidate.issueDate ?? '';
  const b = active.issueDate ?? '';
  if (a !== b) return a > b;
  const va = candidate.versionId ?? '';
  const vb = active.versionId ?? '';
  const na = Number(va);
  const nb = Number(vb);
  if (va !== '' && vb !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na > nb;
  return va.localeCompare(vb, 'en', { numeric: true }) > 0;
}
