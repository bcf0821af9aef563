import { PROCESSES, TRANSACTIONS } from '../../peppol/index.js';

/**
 * Builds a Peppol BIS T19 catalogue with any number of lines, valid under the official rules: the
 * benchmark's large inputs and the tests' thread-responsiveness load. Values vary per line so that
 * no two lines are identical.
 */
export function generateCatalogue(lines: number): string {
  const parts: string[] = [HEADER];
  for (let i = 1; i <= lines; i++) parts.push(line(i));
  parts.push('</Catalogue>\n');
  return parts.join('');
}

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<Catalogue xmlns="urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>${TRANSACTIONS.catalogue.customizationId}</cbc:CustomizationID>
  <cbc:ProfileID>${PROCESSES.catalogueWithoutResponse}</cbc:ProfileID>
  <cbc:ID>CAT-2026-001</cbc:ID>
  <cbc:ActionCode>Add</cbc:ActionCode>
  <cbc:Name>Generated catalogue</cbc:Name>
  <cbc:IssueDate>2026-01-15</cbc:IssueDate>
  <cbc:VersionID>1</cbc:VersionID>
  <cac:ValidityPeriod>
    <cbc:StartDate>2026-02-01</cbc:StartDate>
    <cbc:EndDate>2026-12-31</cbc:EndDate>
  </cac:ValidityPeriod>
  <cac:ReferencedContract>
    <cbc:ID>CONTRACT-42</cbc:ID>
  </cac:ReferencedContract>
  <cac:ProviderParty>
    <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
    <cac:PartyLegalEntity>
      <cbc:RegistrationName>Supplier Ltd</cbc:RegistrationName>
    </cac:PartyLegalEntity>
  </cac:ProviderParty>
  <cac:ReceiverParty>
    <cbc:EndpointID schemeID="0088">7300010000018</cbc:EndpointID>
    <cac:PartyLegalEntity>
      <cbc:RegistrationName>Hospital Procurement</cbc:RegistrationName>
    </cac:PartyLegalEntity>
  </cac:ReceiverParty>
  <cac:SellerSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
      <cac:PartyName>
        <cbc:Name>Supplier Ltd</cbc:Name>
      </cac:PartyName>
    </cac:Party>
  </cac:SellerSupplierParty>
`;

/** GS1 check digit, so each generated GTIN passes the GTIN check of the rules. */
function gtin(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body12 + ((10 - (sum % 10)) % 10);
}

function line(n: number): string {
  const price = (1 + (n % 997) / 10).toFixed(2);
  return `  <cac:CatalogueLine>
    <cbc:ID>${n}</cbc:ID>
    <cbc:ActionCode>Add</cbc:ActionCode>
    <cbc:OrderableIndicator>true</cbc:OrderableIndicator>
    <cbc:OrderableUnit>EA</cbc:OrderableUnit>
    <cbc:ContentUnitQuantity unitCode="EA">1</cbc:ContentUnitQuantity>
    <cbc:OrderQuantityIncrementNumeric>1</cbc:OrderQuantityIncrementNumeric>
    <cbc:MinimumOrderQuantity unitCode="EA">1</cbc:MinimumOrderQuantity>
    <cbc:MaximumOrderQuantity unitCode="EA">${100 + (n % 900)}</cbc:MaximumOrderQuantity>
    <cbc:PackLevelCode>CU</cbc:PackLevelCode>
    <cac:LineValidityPeriod>
      <cbc:StartDate>2026-02-01</cbc:StartDate>
      <cbc:EndDate>2026-12-31</cbc:EndDate>
    </cac:LineValidityPeriod>
    <cac:RequiredItemLocationQuantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">${price}</cbc:PriceAmount>
        <cbc:BaseQuantity unitCode="EA">1</cbc:BaseQuantity>
      </cac:Price>
    </cac:RequiredItemLocationQuantity>
    <cac:Item>
      <cbc:Description>Examination gloves, nitrile, size ${['S', 'M', 'L', 'XL'][n % 4]}, box variant ${n}</cbc:Description>
      <cbc:PackQuantity unitCode="EA">1</cbc:PackQuantity>
      <cbc:PackSizeNumeric>1</cbc:PackSizeNumeric>
      <cbc:Name>Gloves ${n}</cbc:Name>
      <cbc:Keyword>gloves</cbc:Keyword>
      <cac:SellersItemIdentification>
        <cbc:ID>SKU-${String(n).padStart(7, '0')}</cbc:ID>
      </cac:SellersItemIdentification>
      <cac:StandardItemIdentification>
        <cbc:ID schemeID="0160">${gtin(String(730001000000 + n).slice(-12))}</cbc:ID>
      </cac:StandardItemIdentification>
      <cac:OriginCountry>
        <cbc:IdentificationCode>SE</cbc:IdentificationCode>
      </cac:OriginCountry>
      <cac:CommodityClassification>
        <cbc:ItemClassificationCode listID="MP">42132203</cbc:ItemClassificationCode>
      </cac:CommodityClassification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>25</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
      <cac:AdditionalItemProperty>
        <cbc:Name>Colour</cbc:Name>
        <cbc:Value>Blue</cbc:Value>
      </cac:AdditionalItemProperty>
    </cac:Item>
  </cac:CatalogueLine>
`;
}

/** A generated catalogue inside a minimal SBD whose document type names `customization` (for envelope tests). */
export function generateEnvelopedCatalogue(lines: number, customization: string): string {
  const payload = generateCatalogue(lines).replace(/^<\?xml[^>]*>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sh:StandardBusinessDocument xmlns:sh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
  <sh:StandardBusinessDocumentHeader>
    <sh:HeaderVersion>1.0</sh:HeaderVersion>
    <sh:BusinessScope>
      <sh:Scope><sh:Type>DOCUMENTID</sh:Type><sh:InstanceIdentifier>urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##${customization}::2.1</sh:InstanceIdentifier></sh:Scope>
    </sh:BusinessScope>
  </sh:StandardBusinessDocumentHeader>
  ${payload}
</sh:StandardBusinessDocument>`;
}
