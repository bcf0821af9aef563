import { XmlDocument, XmlElement, ParseOption, XmlC14NMode } from 'libxml2-wasm';

const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';
const CBC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/** No network, no external entities, no DTD loading: documents get no say in what is read. */
const SAFE_PARSE = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_COMPACT;

/** A parsed business document (the SBDH payload when it came in an envelope) and how it names itself. */
export interface UblDocument {
  /** Text of the business document alone, as the schematron sees it. */
  text: string;
  doc: XmlDocument;
  rootNamespace: string;
  rootName: string;
  customizationId: string | undefined;
  profileId: string | undefined;
  /** The customization named by the SBDH DOCUMENTID scope, when there was an envelope. */
  envelopeCustomizationId: string | undefined;
}

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

/** Parses the bytes (throws XmlParseError when not well-formed) and unwraps an SBDH envelope. */
export function openUblDocument(text: string, bytes: Uint8Array): UblDocument {
  const outer = XmlDocument.fromBuffer(bytes, { option: SAFE_PARSE });
  const root = outer.root;
  if (root.namespaceUri !== SBDH_NS || root.name !== 'StandardBusinessDocument') {
    return describe(text, outer, undefined);
  }
  try {
    const payload = childElements(root).find((e) => !(e.namespaceUri === SBDH_NS && e.name === 'StandardBusinessDocumentHeader'));
    if (!payload) throw new EnvelopeError('the StandardBusinessDocument carries no business document');
    const documentId = outer.get(
      '/sbd:StandardBusinessDocument/sbd:StandardBusinessDocumentHeader/sbd:BusinessScope/sbd:Scope[sbd:Type = "DOCUMENTID"]/sbd:InstanceIdentifier',
      { sbd: SBDH_NS },
    );
    // Inclusive canonical form keeps every namespace declared on the envelope that the payload uses.
    const payloadText = payload.canonicalizeToString({ mode: XmlC14NMode.XML_C14N_1_0, withComments: true });
    const inner = XmlDocument.fromString(payloadText, { option: SAFE_PARSE });
    return describe(payloadText, inner, documentId ? customizationOfDocumentType(documentId.content) : undefined);
  } finally {
    outer.dispose();
  }
}

/** `<root ns>::<name>##<customization>::<version>` → the customization part. */
export function customizationOfDocumentType(documentType: string): string | undefined {
  const afterHash = documentType.trim().split('##')[1];
  if (!afterHash) return undefined;
  const end = afterHash.lastIndexOf('::');
  return end > 0 ? afterHash.slice(0, end) : afterHash;
}

function describe(text: string, doc: XmlDocument, envelopeCustomizationId: string | undefined): UblDocument {
  const root = doc.root;
  const topLevel = (name: string) => {
    // UBL writes them as cbc: elements; other Peppol syntaxes (TSR, EUSR) in the root's own namespace.
    const node = childElements(root).find((e) => (e.namespaceUri === CBC_NS || e.namespaceUri === root.namespaceUri) && e.name === name);
    return node?.content.trim();
  };
  return {
    text,
    doc,
    rootNamespace: root.namespaceUri,
    rootName: root.name,
    customizationId: topLevel('CustomizationID'),
    profileId: topLevel('ProfileID'),
    envelopeCustomizationId,
  };
}

function childElements(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) out.push(node);
  }
  return out;
}
