/** Value types shared by the UBL documents read and written here. */

/** An identifier with its optional scheme (EAS for endpoints, ICD for parties and items). */
export interface Identifier {
  value: string;
  schemeId?: string;
}

/** A UBL postal address (any part may be missing in a source document). */
export interface Address {
  streetName?: string;
  additionalStreetName?: string;
  cityName?: string;
  postalZone?: string;
  countrySubentity?: string;
  addressLine?: string;
  countryCode?: string;
}

/** A quantity or measure with its UN/ECE Recommendation 20 unit. */
export interface Quantity {
  value: string;
  unitCode: string;
}

export interface Contact {
  name?: string;
  telephone?: string;
  email?: string;
}
