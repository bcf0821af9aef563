import { describe, expect, it } from 'vitest';
import { parseXmlSafely, XmlParseError } from './safe-parse.js';

const limits = { maxBytes: 10_000, maxDepth: 8, maxElements: 50 };

describe('parseXmlSafely', () => {
  it.each([
    ['doctype', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE/],
    ['lowercase doctype', '<!doctype a><a/>', /DOCTYPE/],
    ['entity declaration alone', '<a><!ENTITY x "y"></a>', /DOCTYPE\/ENTITY/],
    ['unclosed element', '<a><b></a>', /malformed XML/],
    ['undeclared entity', '<a>&foo;</a>', /entity not found/],
    ['no root', 'just text', /no root element/],
    ['two roots', '<a/><b/>', /malformed XML/],
    ['undeclared prefix', '<a><q:b/></a>', /prefix "q" is not declared/],
    ['too deep', '<a><a><a><a><a><a><a><a><a/></a></a></a></a></a></a></a></a>', /nested too deeply/],
    ['too many elements', `<a>${'<b/>'.repeat(60)}</a>`, /too many elements/],
    ['too large', `<a>${'x'.repeat(10_001)}</a>`, /too large/],
  ])('refuses a document with %s', (_fault, xml, message) => {
    expect(() => parseXmlSafely(xml, limits)).toThrow(XmlParseError);
    expect(() => parseXmlSafely(xml, limits)).toThrow(message);
  });

  it('decodes bytes by the declared encoding (ISO-8859-1)', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), Buffer.from([0xf8, 0x80]), Buffer.from('</a>')]);
    // 0x80 is a C1 control in ISO-8859-1 (WHATWG would wrongly turn it into the euro sign).
    expect(parseXmlSafely(bytes, limits).documentElement.textContent).toBe('\u00f8\u0080');
  });

  it('decodes UTF-8 bytes and refuses invalid UTF-8', () => {
    expect(parseXmlSafely(Buffer.from('<a>Lørenskog</a>'), limits).documentElement.textContent).toBe('Lørenskog');
    expect(() => parseXmlSafely(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), limits)).toThrow(/not valid utf-8/);
  });

  it('refuses an encoding it does not support', () => {
    expect(() => parseXmlSafely(Buffer.from('<?xml version="1.0" encoding="EBCDIC-CP-US"?><a/>'), limits)).toThrow(/unsupported XML encoding/);
  });

  it('parses namespaces', () => {
    const root = parseXmlSafely('<r xmlns="urn:x" xmlns:p="urn:p"><p:c/></r>', limits).documentElement;
    expect(root.namespaceURI).toBe('urn:x');
    expect((root.firstChild as Element).namespaceURI).toBe('urn:p');
  });
});
