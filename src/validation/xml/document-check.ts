import { XmlParseError } from 'libxml2-wasm';
import type { TransactionRegistry } from '../../peppol/index.js';
import { LocalRuleId, type FiredRule } from '../validation-report.js';
import { EnvelopeError, openUblDocument, type UblDocument } from './ubl-document.js';
import { schemaPathOf } from './schema-files.js';
import type { XsdValidation } from './xsd-validation.js';
import type { XNode } from '../compiled/xml-tree.js';
import { xmlTreeFromLibxml } from '../compiled/xml-tree-from-libxml.js';

/**
 * What libxml2 finds before the schematron: well-formedness, the envelope, the transaction and the
 * UBL schema. Plain data, so it can come back from another thread.
 */
export interface DocumentCheck {
  /** Transaction the document is validated as, null when none could be chosen. */
  transaction: string | null;
  /** Findings so far, in report order: parser or envelope, root element, schema. */
  fired: FiredRule[];
  /** Whether the schematron runs next: on the input itself, or on the payload of its envelope. */
  schematron: 'none' | 'input' | 'payload';
  /** The business document's text when it came in an SBDH envelope. */
  payloadText?: string;
  /**
   * The tree the compiled rules walk, built from libxml2's parse when the request asked for it (on
   * the calling thread only: it does not cross threads), so the text is not parsed a second time.
   */
  tree?: XNode;
}

export interface DocumentCheckRequest {
  text: string;
  bytes: Uint8Array;
  /** Transaction id the caller asked for (already known to the registry). */
  forced?: string;
  runXsd: boolean;
  /** Build `tree` for the compiled rules when the transaction has them (never across threads). */
  treeFor?: (transactionId: string) => boolean;
}

/** Parses with libxml2, picks the transaction and runs the UBL schema; the parsed tree is freed before returning. */
export function checkDocument(request: DocumentCheckRequest, registry: TransactionRegistry, xsd: XsdValidation): DocumentCheck {
  const forced = request.forced === undefined ? undefined : registry.get(request.forced);
  const stop = (fired: FiredRule[], transaction = forced?.id ?? null): DocumentCheck => ({ transaction, fired, schematron: 'none' });
  let ubl: UblDocument;
  try {
    ubl = openUblDocument(request.text, request.bytes);
  } catch (error) {
    if (error instanceof XmlParseError) return stop(parseErrors(error));
    if (error instanceof EnvelopeError) return stop([{ id: LocalRuleId.envelopeMismatch, flag: 'fatal', location: '/', text: error.message }]);
    throw error;
  }
  try {
    const transaction = forced ?? (ubl.customizationId ? registry.forCustomization(ubl.customizationId) : undefined);
    if (!transaction) {
      return stop([{
        id: LocalRuleId.unknownCustomization,
        flag: 'fatal',
        location: '/*/cbc:CustomizationID',
        text: ubl.customizationId
          ? `CustomizationID ${JSON.stringify(ubl.customizationId)} (ProfileID ${JSON.stringify(ubl.profileId ?? '')}) is not a known Peppol BIS transaction`
          : 'the document has no cbc:CustomizationID naming its Peppol BIS transaction',
      }], null);
    }
    const fired: FiredRule[] = [];
    if (ubl.envelopeCustomizationId !== undefined && ubl.envelopeCustomizationId !== transaction.customizationId) {
      fired.push({
        id: LocalRuleId.envelopeMismatch,
        flag: 'fatal',
        location: '/',
        text: `the SBDH names document type ${JSON.stringify(ubl.envelopeCustomizationId)} but the document is ${transaction.customizationId}`,
      });
    }
    if (ubl.rootNamespace !== transaction.rootNamespace || ubl.rootName !== transaction.rootName) {
      fired.push({
        id: LocalRuleId.rootMismatch,
        flag: 'fatal',
        location: '/*',
        text: `${transaction.id} is a {${transaction.rootNamespace}}${transaction.rootName}, not {${ubl.rootNamespace}}${ubl.rootName}`,
      });
      return stop(fired, transaction.id);
    }
    if (request.runXsd) fired.push(...xsd.validate(ubl.doc, schemaPathOf(transaction)));
    const tree = request.treeFor?.(transaction.id) ? xmlTreeFromLibxml(ubl.doc) : undefined;
    if (ubl.text === request.text) return { transaction: transaction.id, fired, schematron: 'input', tree };
    return { transaction: transaction.id, fired, schematron: 'payload', payloadText: ubl.text, tree };
  } finally {
    ubl.doc.dispose();
  }
}

function parseErrors(error: XmlParseError): FiredRule[] {
  const details = error.details.length ? error.details : [{ message: error.message, line: 0, col: 0 }];
  return details.slice(0, 20).map((d) => ({
    id: LocalRuleId.notWellFormed,
    flag: 'fatal' as const,
    location: `line ${d.line}, column ${d.col}`,
    text: d.message.trim(),
  }));
}
