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

/** Peppol BIS 3 customization (transaction) and profile (process) identifiers used here. */
export const PEPPOL = {
  punchOut: {
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:punch_out:3',
    profileId: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3',
  },
  order: {
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order:3',
    profiles: {
      ordering: 'urn:fdc:peppol.eu:poacc:bis:ordering:3',
      order_only: 'urn:fdc:peppol.eu:poacc:bis:order_only:3',
    },
  },
  catalogue: {
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:catalogue:3',
    profiles: {
      withResponse: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
      withoutResponse: 'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3',
    },
  },
  catalogueResponse: {
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:catalogue_response:3',
    profileId: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
  },
} as const;
