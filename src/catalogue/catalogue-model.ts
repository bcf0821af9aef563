import type { Address, Identifier, Quantity } from '../ubl/model.js';

/**
 * A Peppol BIS Catalogue (T19) as read from a stream: the header, then lines one by one. Fields are
 * optional because an invalid catalogue must still be readable far enough to be answered.
 */
export interface CatalogueHeader {
  customizationId?: string;
  profileId?: string;
  id?: string;
  /** `Add`, `Replace`, `Update` or `Delete` (what this catalogue does to the active one). */
  actionCode?: string;
  name?: string;
  issueDate?: string;
  versionId?: string;
  validity?: { startDate?: string; endDate?: string };
  contractId?: string;
  sourceCatalogueId?: string;
  provider?: CatalogueParty;
  receiver?: CatalogueParty;
  sellerSupplier?: CatalogueParty;
  contractorCustomer?: CatalogueParty;
}

export interface CatalogueParty {
  endpoint?: Identifier;
  partyIds: Identifier[];
  partyName?: string;
  registrationName?: string;
  companyId?: Identifier;
  postalAddress?: Address;
}

export interface CatalogueLine {
  id?: string;
  /** `Add`, `Update` or `Delete`. */
  actionCode?: string;
  orderable?: boolean;
  orderableUnit?: string;
  contentUnitQuantity?: Quantity;
  minimumOrderQuantity?: Quantity;
  maximumOrderQuantity?: Quantity;
  validity?: { startDate?: string; endDate?: string };
  prices: CataloguePrice[];
  item: CatalogueItem;
}

interface CataloguePrice {
  amount?: string;
  currency?: string;
  baseQuantity?: Quantity;
  priceType?: string;
  validity?: { startDate?: string; endDate?: string };
}

interface CatalogueItem {
  name?: string;
  descriptions: string[];
  keywords: string[];
  brandNames: string[];
  buyersId?: string;
  sellersId?: string;
  manufacturersId?: string;
  standardId?: Identifier;
  classifications: Array<{ code: string; listId?: string; listVersionId?: string }>;
  taxCategory?: { id?: string; percent?: string };
  originCountry?: string;
}
