import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { canonicalizeExclusive } from '../../src/as4/xml/exc-c14n.js';
import { domBySaxes, parseSafeXml } from '../../src/as4/xml/safe-xml.js';
import { hasConformance, conformanceDir, SKIP_MESSAGE } from '../validation/support.js';

/*
 * parseSafeXml builds its DOM from one strict parse (libxml2's, saxes' past 1 MiB). The DOM it hands on must be the one xmldom's own
 * parser builds from the same well-formed text: signatures are checked and receipts built over it.
 */
const LIMITS = { maxBytes: 64 * 1024 * 1024, maxDepth: 256, maxElements: 2_000_000 };

function reference(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

/** Both of parseSafeXml's builders (libxml2's tree for most documents, saxes for the largest) against xmldom's parser. */
function expectSameDom(text: string): void {
  const theirs = reference(text.replace(/^\ufeff/, ''));
  const serialize = (d: Document) => new XMLSerializer().serializeToString(d.documentElement as unknown as Node);
  for (const ours of [parseSafeXml(Buffer.from(text, 'utf8'), LIMITS), domBySaxes(text.replace(/^\ufeff/, ''), LIMITS)]) {
    expect(serialize(ours)).toBe(serialize(theirs));
    expect(canonicalizeExclusive(ours.documentElement)).toBe(canonicalizeExclusive(theirs.documentElement));
    expect(ours.documentElement.lookupNamespaceURI('cbc')).toBe(theirs.documentElement.lookupNamespaceURI('cbc'));
  }
}

async function xmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await xmlFiles(full)));
    else if (entry.name.endsWith('.xml')) found.push(full);
  }
  return found;
}

describe('parseSafeXml builds the DOM xmldom builds', () => {
  it('for namespaces, default-namespace undeclarations, xml:lang, entities, CDATA, comments, processing instructions and line ends', () => {
    expectSameDom(
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- before -->\r\n<a:r xmlns:a="urn:a" xmlns="urn:d" xml:lang="en" b="1&#9;2" c="x &amp; &lt;y&gt;">' +
        '<x xmlns=""><y a:z="1">t&amp;&#x20AC;<![CDATA[<not markup>]]>\r\nz</y></x><?p data?><?q?><!-- in --><e/>\n</a:r>\n<!-- after -->',
    );
  });

  it('up to attribute order when a namespace declaration follows an attribute (the parser keeps declarations apart)', () => {
    const text = '<r a="1" xmlns:p="urn:p"><p:c xmlns:q="urn:q" p:b="2" q:d="3"/></r>';
    const ours = parseSafeXml(Buffer.from(text, 'utf8'), LIMITS);
    const theirs = reference(text);
    expect(canonicalizeExclusive(ours.documentElement)).toBe(canonicalizeExclusive(theirs.documentElement));
    expect(ours.documentElement.attributes.length).toBe(theirs.documentElement.attributes.length);
    expect((ours.documentElement.firstChild as Element).lookupNamespaceURI('q')).toBe('urn:q');
  });

  it.skipIf(!hasConformance)('for every XML file of the conformance set', async () => {
    const files = await xmlFiles(conformanceDir);
    let compared = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      // Refused by parseSafeXml before parsing (a DOCTYPE, an encoding other than UTF-8): nothing to compare.
      if (/<!DOCTYPE/i.test(text) || /^\s*<\?xml[^?]*encoding=["'](?!utf-?8)/i.test(text)) continue;
      try {
        expectSameDom(text);
      } catch (error) {
        throw new Error(`${path.relative(conformanceDir, file)}: ${(error as Error).message}`);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);
  if (!hasConformance) it.skip(SKIP_MESSAGE, () => undefined);
});
