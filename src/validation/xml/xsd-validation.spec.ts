import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { XsdValidation } from './xsd-validation.js';

const UBL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas/ubl-2.1');
const XSD = 'maindoc/UBL-ApplicationResponse-2.1.xsd';

function response(issueDate: string, issueTime: string): string {
  return `<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>1</cbc:ID><cbc:IssueDate>${issueDate}</cbc:IssueDate><cbc:IssueTime>${issueTime}</cbc:IssueTime>
  <cac:SenderParty><cbc:EndpointID schemeID="0242">000001</cbc:EndpointID></cac:SenderParty>
  <cac:ReceiverParty><cbc:EndpointID schemeID="0242">000002</cbc:EndpointID></cac:ReceiverParty>
  <cac:DocumentResponse><cac:Response><cbc:ResponseCode>AP</cbc:ResponseCode></cac:Response>
  <cac:DocumentReference><cbc:ID>x</cbc:ID></cac:DocumentReference></cac:DocumentResponse>
</ApplicationResponse>`;
}

describe('UBL schema validation', () => {
  const xsd = new XsdValidation(UBL);
  afterAll(() => xsd.dispose());
  const check = (text: string) => {
    const doc = XmlDocument.fromString(text);
    try {
      return xsd.validate(doc, XSD).map((f) => f.text);
    } finally {
      doc.dispose();
    }
  };

  it('accepts a well-formed value of a built-in type', () => {
    expect(check(response('2025-03-11', '12:00:00Z'))).toEqual([]);
  });

  it('collapses white space around dates and times as XML Schema says (libxml2 does not)', () => {
    expect(check(response('   2025-03-11\n  ', '\t12:00:00Z  '))).toEqual([]);
  });

  it('still refuses a value that is wrong once collapsed', () => {
    expect(check(response('  2025-13-45  ', '12:00:00Z'))).toEqual([expect.stringContaining("'  2025-13-45  ' is not a valid value of the atomic type 'xs:date'")]);
    expect(check(response('2025-03-11', ' 12: 00:00Z '))).toHaveLength(1);
  });
});
