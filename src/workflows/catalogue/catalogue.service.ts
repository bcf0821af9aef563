import { Injectable } from '@nestjs/common';
import { normalizeParticipant } from '../../peppol/index.js';
import { CatalogueStore, type CatalogueVersion, type StoredCatalogueLine } from './catalogue-store.js';

/** Looks into the suppliers' stored catalogues (used by the admin API and the OMS integration). */
@Injectable()
export class CatalogueService {
  constructor(private readonly store: CatalogueStore) {}

  /**
   * The active catalogue lines of a supplier (participant id `scheme:value`) whose seller's,
   * standard, buyer's or manufacturer's item id is `itemId`.
   */
  searchItems(supplier: string, itemId: string, limit = 50): Promise<StoredCatalogueLine[]> {
    const id = itemId.trim();
    if (!id) return Promise.resolve([]);
    return this.store.search(normalizeParticipant(supplier), id, Math.min(Math.max(1, limit), 1_000));
  }

  /** The catalogue versions received from a supplier, newest first. */
  versions(supplier: string, limit = 50): Promise<CatalogueVersion[]> {
    return this.store.versions(normalizeParticipant(supplier), Math.min(Math.max(1, limit), 1_000));
  }
}
