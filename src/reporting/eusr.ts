import { EUSR_SUBSET_TYPES, isEusrCountry, REPORT_KEYS, TRANSACTIONS } from '../peppol/index.js';
import { byTypeThenKeys, keyIdentity, type ReportHeader, type ReportKey } from './report-model.js';
import { reportDocument } from './report-xml.js';
import { checkReportHeader } from './tsr.js';
import type { TransmissionGroup } from './transmission-repository.js';

/** Distinct end users: sending (as C1), receiving (as C4), either. */
export interface EndUserCounts {
  sending: number;
  receiving: number;
  sendingOrReceiving: number;
}

export interface EusrSubset extends EndUserCounts {
  type: string;
  keys: ReportKey[];
}

/** An End User Statistics Report (EUSR 1.1) as numbers. */
export interface Eusr extends ReportHeader {
  fullSet: EndUserCounts;
  subsets: EusrSubset[];
  /** End users counted in the full set whose country is unknown (left out of the country subsets); not part of the report. */
  withoutCountry: number;
}

type Grouped = Pick<TransmissionGroup, 'direction' | 'documentTypeScheme' | 'documentTypeValue' | 'processScheme' | 'processValue' | 'c1Country' | 'c4Country' | 'endUserId' | 'countsEndUser' | 'count'>;

class EndUserSets {
  readonly sending = new Set<string>();
  readonly receiving = new Set<string>();
  constructor(readonly keys: ReportKey[] = []) {}

  add(direction: Grouped['direction'], endUser: string): void {
    (direction === 'sending' ? this.sending : this.receiving).add(endUser);
  }

  counts(): EndUserCounts {
    const either = new Set([...this.sending, ...this.receiving]);
    return { sending: this.sending.size, receiving: this.receiving.size, sendingOrReceiving: either.size };
  }
}

/**
 * Counts the distinct end users of a period into an EUSR (BIS 1.1.1 §3): every figure is the size
 * of a set of end-user ids (C1 of what we sent, C4 of what we received), never a sum, so the
 * subsets do not add up to the full set. The end-user country is C1's for sent and C4's for received
 * documents; end users of unknown country are left out of the country subsets. Message Level
 * Status is not counted. An empty period has a full set of zeros and no subset.
 */
export function buildEusr(groups: readonly Grouped[], header: ReportHeader): Eusr {
  checkReportHeader(header);
  const full = new EndUserSets();
  const subsets = new Map<string, EndUserSets>();
  const unknownCountry = new Set<string>();
  const add = (type: string, keys: ReportKey[], g: Grouped) => {
    const id = `${type}\u0001${keyIdentity(keys)}`;
    let sets = subsets.get(id);
    if (!sets) subsets.set(id, (sets = new EndUserSets(keys)));
    sets.add(g.direction, g.endUserId);
  };
  const types = new Map<string, string>();
  for (const g of groups) {
    if (g.count <= 0 || !g.countsEndUser) continue;
    full.add(g.direction, g.endUserId);
    const dt: ReportKey = { ...REPORT_KEYS.documentType, schemeID: g.documentTypeScheme, value: g.documentTypeValue };
    const pr: ReportKey = { ...REPORT_KEYS.process, schemeID: g.processScheme, value: g.processValue };
    add(EUSR_SUBSET_TYPES.perDocumentProcess, [dt, pr], g);
    const country = g.direction === 'sending' ? g.c1Country : g.c4Country;
    if (!country || !isEusrCountry(country)) {
      unknownCountry.add(g.endUserId);
      continue;
    }
    const cc: ReportKey = { ...REPORT_KEYS.endUserCountry, value: country };
    add(EUSR_SUBSET_TYPES.perDocumentProcessCountry, [dt, pr, cc], g);
    add(EUSR_SUBSET_TYPES.perDocumentCountry, [dt, cc], g);
    add(EUSR_SUBSET_TYPES.perCountry, [cc], g);
  }
  for (const [id] of subsets) types.set(id, id.split('\u0001')[0]!);
  const order: string[] = Object.values(EUSR_SUBSET_TYPES);
  const written = [...subsets.entries()]
    .map(([id, sets]) => ({ type: types.get(id)!, keys: sets.keys, ...sets.counts() }))
    .filter((s) => s.sendingOrReceiving > 0)
    .sort(byTypeThenKeys(order));
  return { ...header, fullSet: full.counts(), subsets: written, withoutCountry: unknownCountry.size };
}

/** The EUSR in its official syntax (root `EndUserStatisticsReport`, XSD 1.1). */
export function eusrXml(eusr: Eusr): string {
  const xml = reportDocument(TRANSACTIONS.endUserStatisticsReport, eusr);
  const root = xml.root;
  const counts = (parent: Element, c: EndUserCounts) => {
    xml.add(parent, 'SendingEndUsers', c.sending);
    xml.add(parent, 'ReceivingEndUsers', c.receiving);
    xml.add(parent, 'SendingOrReceivingEndUsers', c.sendingOrReceiving);
  };
  counts(xml.add(root, 'FullSet'), eusr.fullSet);
  for (const s of eusr.subsets) {
    const subset = xml.add(root, 'Subset', undefined, { type: s.type });
    for (const k of s.keys) xml.add(subset, 'Key', k.value, { metaSchemeID: k.metaSchemeID, schemeID: k.schemeID });
    counts(subset, s);
  }
  return xml.toString();
}
