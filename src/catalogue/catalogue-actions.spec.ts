import { describe, expect, it } from 'vitest';
import {
  CatalogueActionError,
  catalogueKey,
  catalogueOperation,
  isNewerCatalogue,
  itemKey,
  lineOperation,
  searchableIds,
  type CatalogueOperation,
} from './catalogue-actions.js';
import type { CatalogueHeader, CatalogueLine } from './catalogue-model.js';

const line = (actionCode?: string, item: Partial<CatalogueLine['item']> = { sellersId: 'SKU-1' }): CatalogueLine => ({
  id: '7',
  ...(actionCode ? { actionCode } : {}),
  prices: [],
  item: { descriptions: [], keywords: [], brandNames: [], classifications: [], ...item },
});
const provider = { endpoint: { value: '987654325', schemeId: '0192' }, partyIds: [] };

describe('catalogue action codes', () => {
  it.each([
    [undefined, 'replace'],
    ['Add', 'add'],
    ['Replace', 'replace'],
    ['Update', 'update'],
    ['Delete', 'delete'],
  ])('header %s means %s', (code, expected) => {
    expect(catalogueOperation({ ...(code ? { actionCode: code } : {}) })).toBe(expected);
  });

  it('refuses a header code in the wrong case', () => {
    expect(() => catalogueOperation({ actionCode: 'REPLACE' })).toThrow(/case-sensitive/);
  });

  it.each<[CatalogueOperation, string | undefined, string]>([
    ['add', undefined, 'upsert'],
    ['add', 'Add', 'upsert'],
    ['replace', 'Add', 'upsert'],
    ['update', 'Add', 'upsert'],
    ['update', 'Update', 'upsert'],
    ['update', 'Delete', 'delete'],
    ['update', undefined, 'upsert'],
  ])('in a %s catalogue, line %s means %s', (operation, code, expected) => {
    expect(lineOperation(operation, line(code))).toBe(expected);
  });

  it.each<[CatalogueOperation, string | undefined, RegExp]>([
    ['replace', 'Delete', /only allowed when the catalogue action is Update/],
    ['add', 'Update', /only allowed when the catalogue action is Update/],
    ['update', 'Remove', /unknown line action code "Remove"/],
    ['delete', undefined, /removes the whole catalogue/],
  ])('in a %s catalogue, refuses line %s', (operation, code, message) => {
    expect(() => lineOperation(operation, line(code))).toThrow(CatalogueActionError);
    expect(() => lineOperation(operation, line(code))).toThrow(message);
  });
});

describe('catalogue keys and versions', () => {
  it.each([
    [{ sellersId: 'SKU-1', standardId: { value: '5790000000012', schemeId: '0160' } }, 'SKU-1'],
    [{ standardId: { value: '5790000000012', schemeId: '0160' } }, '0160:5790000000012'],
    [{ buyersId: 'B-1' }, undefined],
  ])('keys line item %j as %s', (item, expected) => {
    expect(itemKey(line(undefined, item))).toBe(expected);
  });

  it('finds a line by every item id it carries', () => {
    expect(searchableIds(line(undefined, { sellersId: 'S', buyersId: 'B', manufacturersId: 'M', standardId: { value: 'G', schemeId: '0160' } }))).toEqual(['S', 'G', 'B', 'M']);
  });

  it.each<[CatalogueHeader, string]>([
    [{ provider, contractId: 'CRT-1', id: 'CAT-1' }, '0192:987654325|contract:CRT-1'],
    [{ provider, id: 'CAT-1' }, '0192:987654325|catalogue:CAT-1'],
  ])('identifies %j as %s', (header, expected) => {
    expect(catalogueKey(header)).toBe(expected);
  });

  it('needs a provider endpoint to identify a catalogue', () => {
    expect(() => catalogueKey({ id: 'X' })).toThrow(/no provider endpoint/);
  });

  it.each<[CatalogueHeader, CatalogueHeader, boolean]>([
    [{ issueDate: '2026-02-01', versionId: '1' }, { issueDate: '2026-01-01', versionId: '5' }, true],
    [{ issueDate: '2026-01-01', versionId: '10' }, { issueDate: '2026-01-01', versionId: '9' }, true],
    [{ issueDate: '2026-01-01', versionId: '2.0' }, { issueDate: '2026-01-01', versionId: '2.0' }, false],
    [{ issueDate: '2026-01-01', versionId: 'v10' }, { issueDate: '2026-01-01', versionId: 'v9' }, true],
    [{ issueDate: '2025-12-31', versionId: '99' }, { issueDate: '2026-01-01', versionId: '1' }, false],
  ])('%j newer than %j: %s', (candidate, active, expected) => {
    expect(isNewerCatalogue(candidate, active)).toBe(expected);
  });
});
