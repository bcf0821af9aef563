import { PROCESSES } from '../peppol/index.js';
import type { CatalogueHeader } from './catalogue-model.js';
import type { CatalogueDecision } from './catalogue-response.js';

/** What the checks of a received catalogue found. */
export interface CatalogueFindings {
  /** The catalogue could not be read to its end (malformed after the header, over a limit). */
  readError?: string;
  /** Fatal rules fired by the official validation. */
  fatal: ReadonlyArray<{ id: string; text: string }>;
}

/** Accepted when the catalogue read cleanly and no fatal rule fired; else rejected with the reasons. */
export function decideCatalogue(findings: CatalogueFindings): { decision: CatalogueDecision; reasons: string[] } {
  const reasons = [
    ...(findings.readError ? [findings.readError] : []),
    ...findings.fatal.map((rule) => `${rule.id}: ${rule.text.replace(/\s+/g, ' ').trim()}`),
  ];
  return reasons.length === 0 ? { decision: 'AP', reasons: [] } : { decision: 'RE', reasons };
}

/** A catalogue sent in process `catalogue_wo_response` must not be answered. */
export function expectsResponse(header: CatalogueHeader): boolean {
  return header.profileId !== PROCESSES.catalogueWithoutResponse;
}
