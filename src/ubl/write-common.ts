import type { Address, Contact, Identifier } from './model.js';
import { appendAggregate, appendBasic } from './builder.js';

/** Writers for the UBL value types of model.ts, in UBL element order. */

export function writeAddress(parent: Element, name: `cac:${string}`, address: Address): Element {
  const element = appendAggregate(parent, name);
  appendBasic(element, 'cbc:StreetName', address.streetName);
  appendBasic(element, 'cbc:AdditionalStreetName', address.additionalStreetName);
  appendBasic(element, 'cbc:CityName', address.cityName);
  appendBasic(element, 'cbc:PostalZone', address.postalZone);
  appendBasic(element, 'cbc:CountrySubentity', address.countrySubentity);
  if (address.addressLine) appendBasic(appendAggregate(element, 'cac:AddressLine'), 'cbc:Line', address.addressLine);
  if (address.countryCode) {
    appendBasic(appendAggregate(element, 'cac:Country'), 'cbc:IdentificationCode', address.countryCode);
  }
  return element;
}

export function writeIdentifier(parent: Element, name: `cbc:${string}`, id: Identifier | undefined): void {
  if (id) appendBasic(parent, name, id.value, { schemeID: id.schemeId });
}

/** `cac:<name>/cbc:ID`, the UBL pattern for item and party identifications. */
export function writeIdentification(parent: Element, name: `cac:${string}`, id: Identifier | undefined): void {
  if (id) writeIdentifier(appendAggregate(parent, name), 'cbc:ID', id);
}

export function writeContact(parent: Element, contact: Contact | undefined): void {
  if (!contact || (!contact.name && !contact.telephone && !contact.email)) return;
  const element = appendAggregate(parent, 'cac:Contact');
  appendBasic(element, 'cbc:Name', contact.name);
  appendBasic(element, 'cbc:Telephone', contact.telephone);
  appendBasic(element, 'cbc:ElectronicMail', contact.email);
}
