/** XML namespaces of the UBL 2.1 documents this access point reads and writes. */
export const NS = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  catalogue: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2',
  order: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
  applicationResponse: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** Prefixes accepted in reader paths and builder names. */
export type UblPrefix = 'cac' | 'cbc';
