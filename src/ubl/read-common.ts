import type { Address, Identifier, Quantity } from './model.js';
import { attr, attributeOf, find, text, textOf } from './reader.js';

/** Readers for the UBL value types of model.ts. */

export function readIdentifier(from: Element, path: string, schemeAttribute = 'schemeID'): Identifier | undefined {
  const element = find(from, path);
  const value = textOf(element);
  if (!value) return undefined;
  const schemeId = attributeOf(element, schemeAttribute);
  return schemeId ? { value, schemeId } : { value };
}

export function readQuantity(from: Element, path: string): Quantity | undefined {
  const value = text(from, path);
  const unitCode = attr(from, path, 'unitCode');
  return value && unitCode ? { value, unitCode } : undefined;
}

export function readAddress(from: Element, path: string): Address | undefined {
  const element = find(from, path);
  if (!element) return undefined;
  const address: Address = {
    streetName: text(element, 'cbc:StreetName'),
    additionalStreetName: text(element, 'cbc:AdditionalStreetName'),
    cityName: text(element, 'cbc:CityName'),
    postalZone: text(element, 'cbc:PostalZone'),
    countrySubentity: text(element, 'cbc:CountrySubentity'),
    addressLine: text(element, 'cac:AddressLine/cbc:Line'),
    countryCode: text(element, 'cac:Country/cbc:IdentificationCode'),
  };
  return dropUndefined(address);
}

/** Removes keys whose value is undefined so models compare and serialise cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
