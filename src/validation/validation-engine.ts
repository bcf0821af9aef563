import { readFileSync } from 'node:fs';
import { XmlParseError } from 'libxml2-wasm';
import { CompiledRules } from './compiled/compiled-rules.js';
import { parseXmlTree } from './compiled/xml-tree.js';
import { SaxonSchematron } from './schematron/saxon-schematron.js';
import type { PreparedRelease } from './rules/prepared-release.js';
import { TransactionRegistry, type Transaction } from './transaction-registry.js';
import { isValid, LocalRuleId, type FiredRule, type ValidationReport } from './validation-report.js';
import { admitDocument, DocumentRefusedError, type AdmittedDocument } from './xml/prolog-guard.js';
import { EnvelopeError, openUblDocument, type UblDocument } from './xml/ubl-document.js';
import { XsdValidation } from './xml/xsd-validation.js';

export interface ValidateOptions {
  /** Validate as this transaction (e.g. `T77`) instead of the one the document names. */
  transaction?: string;
  /** Run the UBL 2.1 schema (default true); off only for rule fragments such as unit tests. */
  xsd?: boolean;
}

export interface EngineSettings {
  release: PreparedRelease;
  /** Folder with the UBL 2.1 `maindoc/` and `common/` schemas. */
  ublSchemaDir: string;
  maxDocumentBytes: number;
}

export class UnknownTransactionError extends Error {
  override name = 'UnknownTransactionError';
}

/**
 * Validates one document at a time on the calling thread: libxml2 parses it for the UBL schema; the
 * schematron then runs either as compiled rules on a compact tree of the document, or with SaxonJS.
 */
export class ValidationEngine {
  private readonly registry = new TransactionRegistry();
  private readonly xsd: XsdValidation;
  private readonly schematrons = new Map<string, SaxonSchematron>();
  private readonly compiled = new Map<string, CompiledRules>();

  constructor(private readonly settings: EngineSettings) {
    this.xsd = new XsdValidation(settings.ublSchemaDir);
  }

  get release(): string {
    return this.settings.release.version;
  }

  validate(input: Buffer | Uint8Array | string, options: ValidateOptions = {}): ValidationReport {
    const forced = options.transaction === undefined ? undefined : this.requireTransaction(options.transaction);
    let admitted: AdmittedDocument;
    try {
      admitted = admitDocument(input, this.settings.maxDocumentBytes);
    } catch (error) {
      if (!(error instanceof DocumentRefusedError)) throw error;
      return this.report(forced?.id ?? null, [{ id: error.code, flag: 'fatal', location: '/', text: error.message }]);
    }
    let ubl: UblDocument;
    try {
      ubl = openUblDocument(admitted.text, admitted.bytes);
    } catch (error) {
      if (error instanceof XmlParseError) return this.report(forced?.id ?? null, parseErrors(error));
      if (error instanceof EnvelopeError) {
        return this.report(forced?.id ?? null, [{ id: LocalRuleId.envelopeMismatch, flag: 'fatal', location: '/', text: error.message }]);
      }
      throw error;
    }
    try {
      return this.validateUbl(ubl, forced, options.xsd !== false);
    } finally {
      ubl.doc.dispose();
    }
  }

  dispose(): void {
    this.xsd.dispose();
  }

  private validateUbl(ubl: UblDocument, forced: Transaction | undefined, runXsd: boolean): ValidationReport {
    const transaction = forced ?? (ubl.customizationId ? this.registry.forCustomization(ubl.customizationId) : undefined);
    if (!transaction) {
      return this.report(null, [{
        id: LocalRuleId.unknownCustomization,
        flag: 'fatal',
        location: '/*/cbc:CustomizationID',
        text: ubl.customizationId
          ? `CustomizationID ${JSON.stringify(ubl.customizationId)} (ProfileID ${JSON.stringify(ubl.profileId ?? '')}) is not a known Peppol BIS transaction`
          : 'the document has no cbc:CustomizationID naming its Peppol BIS transaction',
      }]);
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
    if (ubl.rootNamespace !== transaction.root || ubl.rootName !== transaction.rootName) {
      fired.push({
        id: LocalRuleId.rootMismatch,
        flag: 'fatal',
        location: '/*',
        text: `${transaction.id} is a UBL ${transaction.rootName}, not {${ubl.rootNamespace}}${ubl.rootName}`,
      });
      return this.report(transaction.id, fired);
    }
    if (runXsd) fired.push(...this.xsd.validate(ubl.doc, transaction.xsd));
    // The schema's tree is not needed any more: freeing it first lowers the peak on big documents.
    ubl.doc.dispose();
    fired.push(...this.runSchematron(transaction, ubl.text));
    return this.report(transaction.id, fired);
  }

  private runSchematron(transaction: Transaction, text: string): FiredRule[] {
    const compiledFile = this.settings.release.compiled[transaction.id];
    if (compiledFile) {
      let rules = this.compiled.get(transaction.id);
      try {
        if (!rules) {
          rules = new CompiledRules(readFileSync(compiledFile, 'utf8'));
          this.compiled.set(transaction.id, rules);
        }
        return rules.run(parseXmlTree(text));
      } catch (error) {
        return [{ id: LocalRuleId.engineError, flag: 'fatal', location: '/', text: `the ${transaction.id} rules stopped: ${(error as Error).message}` }];
      }
    }
    const sef = this.settings.release.sef[transaction.id];
    if (!sef) {
      return [{ id: LocalRuleId.engineError, flag: 'fatal', location: '/', text: `rule release ${this.release} has no rules for ${transaction.id}` }];
    }
    let schematron = this.schematrons.get(transaction.id);
    if (!schematron) {
      schematron = new SaxonSchematron(sef);
      this.schematrons.set(transaction.id, schematron);
    }
    try {
      return schematron.run(text);
    } catch (error) {
      return [{ id: LocalRuleId.engineError, flag: 'fatal', location: '/', text: `the ${transaction.id} rules stopped: ${(error as Error).message}` }];
    }
  }

  private requireTransaction(id: string): Transaction {
    const t = this.registry.get(id);
    if (!t) throw new UnknownTransactionError(`unknown transaction ${JSON.stringify(id)}; known: ${this.registry.ids().join(', ')}`);
    return t;
  }

  private report(transaction: string | null, fired: FiredRule[]): ValidationReport {
    return { transaction, valid: isValid(fired), fired, release: this.release };
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
