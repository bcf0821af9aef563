import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXmlTree, type XNode } from '../../src/validation/compiled/xml-tree.js';
import { xmlTreeFromLibxml } from '../../src/validation/compiled/xml-tree-from-libxml.js';
import { admitDocument } from '../../src/validation/xml/prolog-guard.js';
import { openUblDocument } from '../../src/validation/xml/ubl-document.js';
import { conformanceDir, hasConformance, SKIP_MESSAGE } from './support.js';

if (!hasConformance) console.warn(SKIP_MESSAGE);

/** Everything the compiled rules can see of a node, children and attributes included. */
function shape(node: XNode): unknown {
  return {
    kind: node.kind,
    key: node.name.key,
    qname: node.qname,
    order: node.order,
    value: node.value,
    attributes: node.attributes.map(shape),
    children: node.children.map(shape),
  };
}

/** Both trees as the validation engine gets them: the bytes admitted, libxml2's parse (the payload of an envelope), and its text. */
function bothTrees(input: string | Buffer): { libxml: XNode | undefined; saxes: XNode } {
  const admitted = admitDocument(input, 64 * 1024 * 1024);
  const ubl = openUblDocument(admitted.text, admitted.bytes);
  try {
    return { libxml: xmlTreeFromLibxml(ubl.doc), saxes: parseXmlTree(ubl.text) };
  } finally {
    ubl.doc.dispose();
  }
}

describe('the compiled rules\' tree, from saxes and from libxml2', () => {
  it('is the same for CDATA, comments, entities, attributes and namespaces', () => {
    const text =
      '<?xml version="1.0"?>\n<!-- before -->\n<r:Root xmlns:r="urn:r" xmlns:a="urn:a" a:x="1 &amp; 2" y=" sp\tace ">\n' +
      '  <r:c>one &lt;two&gt; <![CDATA[three & <four>]]>five</r:c><!-- inside --><d xmlns="urn:d" z="&#x41;">&#233;t&#xE9;</d>\n</r:Root>\n<!-- after -->';
    const { libxml, saxes } = bothTrees(text);
    expect(shape(libxml!)).toEqual(shape(saxes));
  });

  it('leaves a document with a processing instruction to the text parser', () => {
    expect(bothTrees('<r><?pi body?></r>').libxml).toBeUndefined();
  });

  it.skipIf(!hasConformance)('is the same for every official example and unit test document', () => {
    const files = ['examples', 'unit'].flatMap((dir) =>
      readdirSync(path.join(conformanceDir, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.xml'))
        .map((e) => path.join(e.parentPath, e.name)),
    );
    expect(files.length).toBeGreaterThan(500);
    let compared = 0;
    for (const file of files) {
      const { libxml, saxes } = bothTrees(readFileSync(file));
      if (!libxml) continue;
      expect(shape(libxml), file).toEqual(shape(saxes));
      compared++;
    }
    expect(compared).toBeGreaterThan(files.length * 0.95);
  });
});
