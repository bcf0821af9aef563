/** What both reports start with: the period's dates and who reports. */
export interface ReportHeader {
  /** `YYYY-MM-DD`, first day of the period. */
  startDate: string;
  /** `YYYY-MM-DD`, last day of the period. */
  endDate: string;
  /** Our seat id (the CN of our AP certificate). */
  reporterId: string;
}

/** One `Key` of a subtotal or subset. */
export interface ReportKey {
  metaSchemeID: string;
  schemeID: string;
  value: string;
}

/** A report cannot be written: the message says which rule it would break. */
export class ReportBuildError extends Error {
  override name = 'ReportBuildError';
}

/** `scheme::value` of each key, joined: the identity of a subtotal or subset within its type. */
export function keyIdentity(keys: readonly ReportKey[]): string {
  return keys.map((k) => `${k.metaSchemeID}|${k.schemeID}::${k.value}`).join('\u0000');
}

/** Subtotals or subsets in report order: by their type's place in `typeOrder`, then by their keys. */
export function byTypeThenKeys(typeOrder: readonly string[]) {
  return (a: { type: string; keys: readonly ReportKey[] }, b: { type: string; keys: readonly ReportKey[] }): number => {
    const byType = typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type);
    if (byType !== 0) return byType;
    const [ka, kb] = [keyIdentity(a.keys), keyIdentity(b.keys)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
