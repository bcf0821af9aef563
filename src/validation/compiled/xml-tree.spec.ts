import { describe, expect, it } from 'vitest';
import { NodeKind, parseXmlTree, XmlTreeError } from './xml-tree.js';

describe('parseXmlTree', () => {
  it('builds elements with namespaces, attributes without xmlns declarations, merged text and CDATA', () => {
    const doc = parseXmlTree('<p:r xmlns:p="urn:p" a="1"><x>t&amp;<![CDATA[<c>]]></x><!--c--></p:r>');
    const root = doc.children[0]!;
    expect([root.ns, root.local, root.qname]).toEqual(['urn:p', 'r', 'p:r']);
    expect(root.attributes.map((a) => `${a.local}=${a.value}`)).toEqual(['a=1']);
    const x = root.children[0]!;
    expect(x.children.map((c) => c.kind)).toEqual([NodeKind.text]);
    expect(x.stringValue()).toBe('t&<c>');
    expect(root.children[1]!.kind).toBe(NodeKind.comment);
  });
  it('numbers nodes in document order, attributes before children', () => {
    const doc = parseXmlTree('<r a="1"><x/></r>');
    const r = doc.children[0]!;
    expect([doc.order, r.order, r.attributes[0]!.order, r.children[0]!.order]).toEqual([0, 1, 2, 3]);
  });
  it('shares one name object per expanded name', () => {
    const r = parseXmlTree('<r><x/><x/></r>').children[0]!;
    expect(r.children[0]!.name).toBe(r.children[1]!.name);
  });
  it('refuses malformed XML and DOCTYPEs', () => {
    expect(() => parseXmlTree('<r><x></r>')).toThrow(XmlTreeError);
    expect(() => parseXmlTree('<!DOCTYPE r><r/>')).toThrow(/DOCTYPE/);
  });
});
