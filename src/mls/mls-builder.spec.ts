import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CompiledRules } from '../validation/compiled/compiled-rules.js';
import { compileSchematron } from '../validation/compiled/schematron-compiler.js';
import { parseXmlTree } from '../validation/compiled/xml-tree.js';
import { TRANSACTIONS } from '../peppol/index.js';
import { buildMls, MlsBuildError } from './mls-builder.js';
import type { MessageLevelStatus } from './mls-model.js';
import { readMls } from './mls-reader.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t = TRANSACTIONS.messageLevelStatus;
const officialRules = new CompiledRules(compileSchematron(readFileSync(path.join(ROOT, t.shippedRules, `${t.stylesheet}.sch`), 'utf8')));
const fired = (xml: string) => officialRules.run(parseXmlTree(xml)).map((f) => f.id);

const rejection: MessageLevelStatus = {
  id: 'mls-1',
  issueDate: '2026-07-01',
  issueTime: '10:15:00Z',
  senderSpid: '000002',
  receiverSpid: '000001-MLS',
  responseCode: 'RE',
  description: 'Rejected by validation: 1 business rule error',
  referencedInstanceId: 'b0a8a3e2-instance',
  issues: [
    { reason: 'BV', location: '/Order/cbc:ID', description: '[PEPPOL-T01-R001] an order id is required', ruleId: 'PEPPOL-T01-R001' },
    { reason: 'BW', location: 'NA', description: '[PEPPOL-T01-R099] a warning', ruleId: 'PEPPOL-T01-R099' },
  ],
};
const acceptance: MessageLevelStatus = { ...rejection, responseCode: 'AP', description: undefined, issues: [] };

describe('buildMls', () => {
  it('writes a rejection the official MLS rules accept', () => {
    expect(fired(buildMls(rejection))).toEqual([]);
  });

  it.each(['AP', 'AB'] as const)('writes a plain %s the official rules accept', (code) => {
    expect(fired(buildMls({ ...acceptance, responseCode: code }))).toEqual([]);
  });

  it('lets a positive status carry warnings only', () => {
    const xml = buildMls({ ...acceptance, issues: [{ reason: 'BW', location: 'NA', description: 'just a warning' }] });
    expect(fired(xml)).toEqual([]);
  });

  it('names the MLS customization and profile, the 0242 parties and the referenced instance', () => {
    const xml = buildMls(rejection);
    expect(xml).toContain(`<cbc:CustomizationID>${t.customizationId}</cbc:CustomizationID>`);
    expect(xml).toContain(`<cbc:ProfileID>${t.processIds[0]}</cbc:ProfileID>`);
    expect(xml).toContain('<cbc:EndpointID schemeID="0242">000002</cbc:EndpointID>');
    expect(xml).toContain('<cbc:EndpointID schemeID="0242">000001-MLS</cbc:EndpointID>');
    expect(xml).toMatch(/<cac:DocumentReference>\s*<cbc:ID>b0a8a3e2-instance<\/cbc:ID>/);
  });

  it('is read back as it was written', () => {
    expect(readMls(buildMls(rejection))).toEqual(rejection);
  });

  it('escapes what a rule text carries, so no text changes the document', () => {
    const hostile = { ...rejection, issues: [{ reason: 'BV' as const, location: 'NA', description: '</cbc:Description><cbc:Evil/> & "quotes"' }] };
    const xml = buildMls(hostile);
    expect(xml).not.toContain('<cbc:Evil/>');
    expect(readMls(xml).issues[0]!.description).toBe('</cbc:Description><cbc:Evil/> & "quotes"');
    expect(fired(xml)).toEqual([]);
  });

  it.each([
    ['an empty id', { id: ' ' }, /SCH-MLS-03/],
    ['a date with a zone', { issueDate: '2026-07-01Z' }, /SCH-MLS-04/],
    ['a time without a zone', { issueTime: '10:15:00' }, /SCH-MLS-06/],
    ['a seat id as sender', { senderSpid: 'POP000002' }, /SCH-MLS-09/],
    ['a participant id as receiver', { receiverSpid: '0242:000001' }, /SCH-MLS-14/],
    ['no referenced instance', { referencedInstanceId: '' }, /SCH-MLS-26/],
    ['a rejection without description', { description: undefined }, /SCH-MLS-21/],
    ['a rejection with warnings only', { issues: [{ reason: 'BW' as const, location: 'NA', description: 'w' }] }, /SCH-MLS-24/],
    ['an acceptance with an error', { responseCode: 'AP' as const }, /SCH-MLS-25/],
    ['an issue without location', { issues: [{ reason: 'FD' as const, location: '', description: 'x' }] }, /SCH-MLS-27/],
    ['an issue without description', { issues: [{ reason: 'SV' as const, location: 'NA', description: '  ' }] }, /SCH-MLS-29/],
  ])('refuses %s', (_name, change, rule) => {
    expect(() => buildMls({ ...rejection, ...change })).toThrow(MlsBuildError);
    expect(() => buildMls({ ...rejection, ...change })).toThrow(rule);
  });
});
