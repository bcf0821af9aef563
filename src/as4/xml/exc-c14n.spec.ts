import { describe, expect, it } from 'vitest';
import { canonicalizeExclusive } from './exc-c14n.js';
import { parseSafeXml } from './safe-xml.js';

const limits = { maxBytes: 100_000, maxDepth: 20, maxElements: 100 };

describe('canonicalizeExclusive', () => {
  const xml =
    '<S12:Envelope xmlns:S12="urn:s" xmlns:eb="urn:eb" xmlns:unused="urn:u"><S12:Header>' +
    '<eb:Messaging S12:mustUnderstand="true" b="2" a="1"><eb:X/></eb:Messaging></S12:Header></S12:Envelope>';

  it('renders only visibly used namespaces, attributes sorted', () => {
    const doc = parseSafeXml(xml, limits);
    const messaging = doc.getElementsByTagNameNS('urn:eb', 'Messaging')[0]!;
    expect(canonicalizeExclusive(messaging)).toBe(
      '<eb:Messaging xmlns:S12="urn:s" xmlns:eb="urn:eb" a="1" b="2" S12:mustUnderstand="true"><eb:X></eb:X></eb:Messaging>',
    );
  });

  it('orders namespace declarations and attributes by code point, not by locale', () => {
    const doc = parseSafeXml('<r xmlns:b="urn:z" xmlns:B="urn:a"><b:e B:x="1" b:x="2" A="3" a="4"/></r>', limits);
    const e = doc.getElementsByTagNameNS('urn:z', 'e')[0]!;
    expect(canonicalizeExclusive(e)).toBe('<b:e xmlns:B="urn:a" xmlns:b="urn:z" A="3" a="4" B:x="1" b:x="2"></b:e>');
  });

  it('adds in-scope namespaces named in the PrefixList and leaves the document untouched', () => {
    const doc = parseSafeXml(xml, limits);
    const x = doc.getElementsByTagNameNS('urn:eb', 'X')[0]!;
    expect(canonicalizeExclusive(x, ['S12'])).toBe('<eb:X xmlns:S12="urn:s" xmlns:eb="urn:eb"></eb:X>');
    expect(x.attributes.length).toBe(0);
  });

  it('renders processing instructions as C14N does (so inserting one changes the digest), drops comments', () => {
    const c14n = (inner: string) => canonicalizeExclusive(parseSafeXml(`<r xmlns="urn:r"><m>${inner}</m></r>`, limits).getElementsByTagName('m')[0]!);
    expect(c14n('ab<?pi data?>cd')).toBe('<m xmlns="urn:r">ab<?pi data?>cd</m>');
    expect(c14n('ab<?pi?>')).toBe('<m xmlns="urn:r">ab<?pi?></m>');
    expect(c14n('a<!-- note -->b<![CDATA[]]>c<![CDATA[<&>]]>')).toBe('<m xmlns="urn:r">abc&lt;&amp;&gt;</m>');
    expect(c14n('a<?x b?>')).not.toBe(c14n('ab'));
  });
});
