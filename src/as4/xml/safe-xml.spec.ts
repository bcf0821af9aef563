import { describe, expect, it } from 'vitest';
import { indexUniqueIds, parseSafeXml, UnsafeXmlError } from './safe-xml.js';

const limits = { maxBytes: 10_000, maxDepth: 10, maxElements: 50 };

function rejection(input: string | Uint8Array, l = limits): string {
  try {
    parseSafeXml(input, l);
  } catch (error) {
    if (error instanceof UnsafeXmlError) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseSafeXml', () => {
  it('parses namespaced XML from UTF-8 bytes', () => {
    const doc = parseSafeXml(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a:r xmlns:a="urn:a"><a:c>é</a:c></a:r>'), limits);
    expect(doc.documentElement.namespaceURI).toBe('urn:a');
    expect(doc.documentElement.textContent).toBe('é');
  });

  it('refuses what is not XML 1.0 before any DOM is built', () => {
    expect(rejection('<r a="1"\u0000b="2"/>')).toBe('malformed');
    expect(rejection('<r a="1"\u0001 b="2"/>')).toBe('malformed');
    expect(rejection('<r a="x\u0001"/>')).toBe('malformed');
    expect(rejection('text<r/>')).toBe('malformed');
    expect(rejection('<r/>text')).toBe('malformed');
    expect(rejection("<?xml version='3.0'?><r/>")).toBe('malformed');
    expect(rejection('<r x:a="1"/>')).toBe('malformed');
    expect(rejection('<r/><r/>')).toBe('malformed');
  });

  it('accepts a UTF-8 BOM, any legal XML declaration, comments and processing instructions', () => {
    for (const text of ['\ufeff<r/>', "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\r\n<r/>", '<?xml version="1.0"?><!-- c --><?pi x?><r><?pi?></r>\n']) {
      expect(parseSafeXml(Buffer.from(text, 'utf8'), limits).documentElement.localName).toBe('r');
    }
  });

  it('refuses a DOCTYPE (XXE) before parsing', () => {
    expect(rejection('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toBe('doctype');
  });

  it('refuses entity expansion declarations', () => {
    expect(rejection('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><r>&lol2;</r>')).toBe('doctype');
  });

  it('refuses oversize, non-UTF-8, malformed, deep and wide documents', () => {
    expect(rejection('<r>' + 'x'.repeat(20_000) + '</r>')).toBe('too-large');
    expect(rejection(Buffer.from([0x3c, 0x72, 0x3e, 0xff, 0x3c, 0x2f, 0x72, 0x3e]))).toBe('encoding');
    expect(rejection('<?xml version="1.0" encoding="ISO-8859-1"?><r/>')).toBe('encoding');
    expect(rejection('<r><unclosed></r>')).toBe('malformed');
    expect(rejection('<r/><r/>')).toBe('malformed');
    expect(rejection('<p:r/>')).toBe('malformed');
    expect(rejection('<r>&unknown;</r>')).toBe('malformed');
    expect(rejection('<a>'.repeat(11) + '</a>'.repeat(11))).toBe('too-deep');
    expect(rejection('<r>' + '<e/>'.repeat(60) + '</r>')).toBe('too-many-elements');
  });

  it('refuses nesting past the parser\'s own bound (256 levels) as too deep, whatever the limit', () => {
    expect(rejection('<a>'.repeat(300) + '</a>'.repeat(300), { maxBytes: 100_000, maxDepth: 1000, maxElements: 1000 })).toBe('too-deep');
  });

  it('says what is wrong with a malformed document', () => {
    expect(() => parseSafeXml('<r><unclosed></r>', limits)).toThrow(/^XML is not well-formed: .*mismatch/);
  });

  it('keeps a namespace declaration written after an attribute as an xmlns attribute', () => {
    const root = parseSafeXml('<r a="1" xmlns:p="urn:p" xmlns="urn:d"><p:c p:b="2"/></r>', limits).documentElement;
    expect(root.getAttributeNS('http://www.w3.org/2000/xmlns/', 'p')).toBe('urn:p');
    expect(root.getAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns')).toBe('urn:d');
    expect(root.getAttribute('a')).toBe('1');
    expect(root.namespaceURI).toBe('urn:d');
    const child = root.firstChild as Element;
    expect([child.namespaceURI, child.prefix, child.getAttributeNS('urn:p', 'b')]).toEqual(['urn:p', 'p', '2']);
    expect(child.lookupNamespaceURI('p')).toBe('urn:p');
  });

  it('reads a document over 1 MiB (streamed through the second parser) with the same limits and reasons', () => {
    const big = { maxBytes: 4 * 1024 * 1024, maxDepth: 10, maxElements: 200_000 };
    const lines = '<p:line xmlns:p="urn:p" n="1">text &amp; more</p:line>'.repeat(25_000);
    const doc = parseSafeXml(Buffer.from(`<r>${lines}</r>`), big);
    expect(doc.documentElement.childNodes.length).toBe(25_000);
    expect((doc.documentElement.firstChild as Element).namespaceURI).toBe('urn:p');
    expect(rejection(`<r>${lines}<x:y/></r>`, big)).toBe('malformed');
    expect(rejection(`<r>${lines}${'<a>'.repeat(11)}${'</a>'.repeat(11)}</r>`, big)).toBe('too-deep');
    expect(rejection(`<r>${lines}</r>`, { ...big, maxElements: 20_000 })).toBe('too-many-elements');
  });

  it('accepts the depth limit exactly', () => {
    expect(() => parseSafeXml('<a>'.repeat(10) + '</a>'.repeat(10), limits)).not.toThrow();
  });
});

describe('indexUniqueIds', () => {
  it('maps Id and wsu:Id values to their elements', () => {
    const doc = parseSafeXml('<r xmlns:wsu="urn:wsu"><a wsu:Id="m1"/><b Id="b1"/></r>', limits);
    const ids = indexUniqueIds(doc);
    expect(ids.get('m1')?.localName).toBe('a');
    expect(ids.get('b1')?.localName).toBe('b');
  });

  it('refuses a repeated id (signature wrapping)', () => {
    const doc = parseSafeXml('<r xmlns:wsu="urn:wsu"><a wsu:Id="m1"/><x><b Id="m1"/></x></r>', limits);
    expect(() => indexUniqueIds(doc)).toThrow(/more than one element/);
  });
});
