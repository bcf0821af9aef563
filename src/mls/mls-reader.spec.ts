import { describe, expect, it } from 'vitest';
import { MlsReadError, readMls } from './mls-reader.js';

const mls = (body: string, head = '<cbc:CustomizationID> urn:peppol:edec:mls:1.0 </cbc:CustomizationID>') => `<?xml version="1.0"?>
<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  ${head}<cbc:ID>m-1</cbc:ID><cbc:IssueDate>2026-07-01</cbc:IssueDate><cbc:IssueTime>10:00:00Z</cbc:IssueTime>
  <cac:SenderParty><cbc:EndpointID schemeID="0242"> 000002 </cbc:EndpointID></cac:SenderParty>
  <cac:ReceiverParty><cbc:EndpointID schemeID="0242">000001</cbc:EndpointID></cac:ReceiverParty>
  ${body}
</ApplicationResponse>`;

const RE = `<cac:DocumentResponse>
  <cac:Response><cbc:ResponseCode>  RE </cbc:ResponseCode><cbc:Description>Rejected</cbc:Description></cac:Response>
  <cac:DocumentReference><cbc:ID>  inst-42
  </cbc:ID></cac:DocumentReference>
  <cac:LineResponse><cac:LineReference><cbc:LineID>/Order</cbc:LineID></cac:LineReference>
    <cac:Response><cbc:Description>Validation gives error [BR-T01-R001]- id missing</cbc:Description><cac:Status><cbc:StatusReasonCode>BV</cbc:StatusReasonCode></cac:Status></cac:Response>
    <cac:Response><cbc:Description>no id here</cbc:Description><cac:Status><cbc:StatusReasonCode> BW</cbc:StatusReasonCode></cac:Status></cac:Response>
  </cac:LineResponse>
</cac:DocumentResponse>`;

describe('readMls', () => {
  it('reads code, reference, parties and every issue, white space normalised', () => {
    expect(readMls(mls(RE))).toEqual({
      id: 'm-1',
      issueDate: '2026-07-01',
      issueTime: '10:00:00Z',
      senderSpid: '000002',
      receiverSpid: '000001',
      responseCode: 'RE',
      description: 'Rejected',
      referencedInstanceId: 'inst-42',
      issues: [
        { reason: 'BV', location: '/Order', description: 'Validation gives error [BR-T01-R001]- id missing', ruleId: 'BR-T01-R001' },
        { reason: 'BW', location: '/Order', description: 'no id here' },
      ],
    });
  });

  it('reads bytes as well as text', () => {
    expect(readMls(Buffer.from(mls(RE))).referencedInstanceId).toBe('inst-42');
  });

  it('leaves a party empty when it is not a 0242 SPID', () => {
    expect(readMls(mls(RE).replace('schemeID="0242"> 000002', 'schemeID="0088"> 000002')).senderSpid).toBe('');
  });

  it.each([
    ['malformed XML', '<ApplicationResponse', /not readable XML/],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><x/>', /not readable XML: document type declarations/],
    ['another document', '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>', /not a UBL ApplicationResponse/],
    ['another customization', mls(RE, '<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:mlr:3</cbc:CustomizationID>'), /CustomizationID "urn:fdc:peppol.eu:poacc:trns:mlr:3" is not urn:peppol:edec:mls:1.0/],
    ['two document responses', mls(RE + RE), /exactly one DocumentResponse, this one 2/],
    ['no reference', mls(RE.replace(/<cac:DocumentReference>[\s\S]*?<\/cac:DocumentReference>/, '')), /names no single DocumentReference ID/],
    ['an empty reference', mls(RE.replace(/inst-42/, ' ')), /names no single DocumentReference ID/],
    ['an unknown response code', mls(RE.replace('  RE ', 'OK')), /response code "OK" is not one of AP AB RE/],
    ['an unknown status reason', mls(RE.replace('>BV<', '>XX<')), /status reason "XX"/],
  ])('refuses %s with a reason', (_name, xml, why) => {
    expect(() => readMls(xml)).toThrow(MlsReadError);
    expect(() => readMls(xml)).toThrow(why);
  });

  it('refuses a document over its size bound before parsing it', () => {
    expect(() => readMls(mls(RE), { maxBytes: 100, maxDepth: 16, maxElements: 1000 })).toThrow(/too large/);
  });
});
