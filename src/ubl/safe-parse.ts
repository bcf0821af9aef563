import { DOMParser } from '@xmldom/xmldom';
import { decodeXml, XmlEncodingError } from './encoding.js';

/** Bounds applied to every XML document before and while it is parsed into a DOM. */
export interface XmlLimits {
  /** Largest accepted document, in bytes (UTF-8 for text input). */
  maxBytes: number;
  /** Deepest accepted element nesting. */
  maxDepth: number;
  /** Most elements accepted in one document. */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxElements: 200_000 };

/** The document is not acceptable XML: malformed, too big, too deep, or carries a DTD. */
export class XmlParseError extends Error {
  override name = 'XmlParseError';
}

/**
 * Parses untrusted XML into a DOM. DTDs are refused before the parser sees the text (no entity
 * expansion, no external fetches); size, depth and element count are bounded.
 */
export function parseXmlSafely(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): Document {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes) {
    throw new XmlParseError(`document too large: ${size} bytes, at most ${limits.maxBytes} allowed`);
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : decodeXml(input);
  } catch (error) {
    if (error instanceof XmlEncodingError) throw new XmlParseError(error.message);
    throw error;
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlParseError('document type declarations (DOCTYPE/ENTITY) are not accepted');
  }
  // xmldom reports a problem, then wraps what the handler threw into a second report: keep the first.
  let firstProblem: string | undefined;
  const fail = (message: string): never => {
    firstProblem ??= message;
    throw new XmlParseError(firstProblem);
  };
  const parser = new DOMParser({
    locator: {},
    errorHandler: { warning: fail, error: fail, fatalError: fail },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (error) {
    throw new XmlParseError(`malformed XML: ${describeProblem(firstProblem ?? (error as Error).message)}`);
  }
  if (!document?.documentElement) throw new XmlParseError('malformed XML: no root element');
  checkShape(document.documentElement, limits);
  return document;
}

function describeProblem(message: string): string {
  return message
    .replace(/\[xmldom (?:warning|error|fatalError)\]\s*/g, '')
    .replace(/\s*@#\[line:(\d+),col:(\d+)\]/, ' (line $1, column $2)')
    .replace(/\s*@#\[line:\d+,col:\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Walks the tree without recursion so a hostile depth cannot exhaust the stack here. */
function checkShape(root: Element, limits: XmlLimits): void {
  let elements = 0;
  const stack: Array<{ element: Element; depth: number }> = [{ element: root, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    elements += 1;
    if (depth > limits.maxDepth) {
      throw new XmlParseError(`document nested too deeply: more than ${limits.maxDepth} levels`);
    }
    if (element.prefix && !element.namespaceURI) {
      throw new XmlParseError(`malformed XML: namespace prefix "${element.prefix}" is not declared`);
    }
    if (elements > limits.maxElements) {
      throw new XmlParseError(`document has too many elements: more than ${limits.maxElements}`);
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) stack.push({ element: child as Element, depth: depth + 1 });
    }
  }
}
