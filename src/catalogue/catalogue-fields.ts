import type { Address, Identifier, Quantity } from '../ubl/model.js';
import { dropUndefined } from '../ubl/read-common.js';
import { liteAttr, liteFind, liteFindAll, liteText, type LiteElement } from '../ubl/lite-tree.js';
import type { CatalogueHeader, CatalogueLine, CatalogueParty } from './catalogue-model.js';

/** Maps the small trees of a streamed catalogue to its typed model. */

function identifier(from: LiteElement | undefined, path: string): Identifier | undefined {
  const value = liteText(from, path);
  if (!value) return undefined;
  const schemeId = liteAttr(from, path, 'schemeID');
  return schemeId ? { value, schemeId } : { value };
}

function quantity(from: LiteElement | undefined, path: string): Quantity | undefined {
  const value = liteText(from, path);
  const unitCode = liteAttr(from, path, 'unitCode');
  return value && unitCode ? { value, unitCode } : undefined;
}

function period(from: LiteElement | undefined, path: string): { startDate?: string; endDate?: string } | undefined {
  const element = liteFind(from, path);
  return element ? dropUndefined({ startDate: liteText(element, 'cbc:StartDate'), endDate: liteText(element, 'cbc:EndDate') }) : undefined;
}

function address(from: LiteElement | undefined, path: string): Address | undefined {
  const element = liteFind(from, path);
  if (!element) return undefined;
  return dropUndefined({
    streetName: liteText(element, 'cbc:StreetName'),
    additionalStreetName: liteText(element, 'cbc:AdditionalStreetName'),
    cityName: liteText(element, 'cbc:CityName'),
    postalZone: liteText(element, 'cbc:PostalZone'),
    countrySubentity: liteText(element, 'cbc:CountrySubentity'),
    addressLine: liteText(element, 'cac:AddressLine/cbc:Line'),
    countryCode: liteText(element, 'cac:Country/cbc:IdentificationCode'),
  });
}

/** Provider/receiver parties are flat; seller and contractor wrap theirs in `cac:Party`. */
function readCatalogueParty(party: LiteElement | undefined): CatalogueParty | undefined {
  if (!party) return undefined;
  return dropUndefined({
    endpoint: identifier(party, 'cbc:EndpointID'),
    partyIds: liteFindAll(party, 'cac:PartyIdentification').flatMap((element) => identifier(element, 'cbc:ID') ?? []),
    partyName: liteText(party, 'cac:PartyName/cbc:Name'),
    registrationName: liteText(party, 'cac:PartyLegalEntity/cbc:RegistrationName'),
    companyId: identifier(party, 'cac:PartyLegalEntity/cbc:CompanyID'),
    postalAddress: address(party, 'cac:PostalAddress'),
  });
}

/** `header` holds the root's children before the first line. */
export function readCatalogueHeader(header: LiteElement): CatalogueHeader {
  return dropUndefined({
    customizationId: liteText(header, 'cbc:CustomizationID'),
    profileId: liteText(header, 'cbc:ProfileID'),
    id: liteText(header, 'cbc:ID'),
    actionCode: liteText(header, 'cbc:ActionCode'),
    name: liteText(header, 'cbc:Name'),
    issueDate: liteText(header, 'cbc:IssueDate'),
    versionId: liteText(header, 'cbc:VersionID'),
    validity: period(header, 'cac:ValidityPeriod'),
    contractId: liteText(header, 'cac:ReferencedContract/cbc:ID'),
    sourceCatalogueId: liteText(header, 'cac:SourceCatalogueReference/cbc:ID'),
    provider: readCatalogueParty(liteFind(header, 'cac:ProviderParty')),
    receiver: readCatalogueParty(liteFind(header, 'cac:ReceiverParty')),
    sellerSupplier: readCatalogueParty(liteFind(header, 'cac:SellerSupplierParty/cac:Party')),
    contractorCustomer: readCatalogueParty(liteFind(header, 'cac:ContractorCustomerParty/cac:Party')),
  });
}

export function readCatalogueLine(line: LiteElement): CatalogueLine {
  const item = liteFind(line, 'cac:Item');
  const orderable = liteText(line, 'cbc:OrderableIndicator');
  const texts = (path: string) => liteFindAll(item, path).flatMap((element) => liteText(element) ?? []);
  return dropUndefined({
    id: liteText(line, 'cbc:ID'),
    actionCode: liteText(line, 'cbc:ActionCode'),
    orderable: orderable === undefined ? undefined : orderable === 'true',
    orderableUnit: liteText(line, 'cbc:OrderableUnit'),
    contentUnitQuantity: quantity(line, 'cbc:ContentUnitQuantity'),
    minimumOrderQuantity: quantity(line, 'cbc:MinimumOrderQuantity'),
    maximumOrderQuantity: quantity(line, 'cbc:MaximumOrderQuantity'),
    validity: period(line, 'cac:LineValidityPeriod'),
    prices: liteFindAll(line, 'cac:RequiredItemLocationQuantity').flatMap((location) => {
      const price = liteFind(location, 'cac:Price');
      if (!price) return [];
      return [
        dropUndefined({
          amount: liteText(price, 'cbc:PriceAmount'),
          currency: liteAttr(price, 'cbc:PriceAmount', 'currencyID'),
          baseQuantity: quantity(price, 'cbc:BaseQuantity'),
          priceType: liteText(price, 'cbc:PriceType'),
          validity: period(price, 'cac:ValidityPeriod'),
        }),
      ];
    }),
    item: dropUndefined({
      name: liteText(item, 'cbc:Name'),
      descriptions: texts('cbc:Description'),
      keywords: texts('cbc:Keyword'),
      brandNames: texts('cbc:BrandName'),
      buyersId: liteText(item, 'cac:BuyersItemIdentification/cbc:ID'),
      sellersId: liteText(item, 'cac:SellersItemIdentification/cbc:ID'),
      manufacturersId: liteText(item, 'cac:ManufacturersItemIdentification/cbc:ID'),
      standardId: identifier(item, 'cac:StandardItemIdentification/cbc:ID'),
      classifications: liteFindAll(item, 'cac:CommodityClassification').flatMap((classification) => {
        const code = liteText(classification, 'cbc:ItemClassificationCode');
        if (!code) return [];
        return [
          dropUndefined({
            code,
            listId: liteAttr(classification, 'cbc:ItemClassificationCode', 'listID'),
            listVersionId: liteAttr(classification, 'cbc:ItemClassificationCode', 'listVersionID'),
          }),
        ];
      }),
      taxCategory: liteFind(item, 'cac:ClassifiedTaxCategory')
        ? dropUndefined({ id: liteText(item, 'cac:ClassifiedTaxCategory/cbc:ID'), percent: liteText(item, 'cac:ClassifiedTaxCategory/cbc:Percent') })
        : undefined,
      originCountry: liteText(item, 'cac:OriginCountry/cbc:IdentificationCode'),
    }),
  });
}
