import { readFileSync } from 'node:fs';
import { CompiledRules } from './compiled/compiled-rules.js';
import { parseXmlTree, type XNode } from './compiled/xml-tree.js';
import { SaxonSchematron } from './schematron/saxon-schematron.js';
import type { PreparedRelease } from './rules/prepared-release.js';
import { transactionRegistry, type Transaction } from '../peppol/index.js';
import { isValid, LocalRuleId, type FiredRule, type ValidationReport } from './validation-report.js';
import { checkDocument, type DocumentCheck, type DocumentCheckRequest } from './xml/document-check.js';
import { IsolatedDocumentCheck } from './xml/isolated-document-check.js';
import { schemaPathOf } from './xml/schema-files.js';
import { admitDocument, DocumentRefusedError, type AdmittedDocument } from './xml/prolog-guard.js';
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
  /**
   * Documents of at least this many bytes are parsed for the UBL schema in a single-use thread, so
   * that libxml2's memory is returned before the schematron's tree is built; 0 or absent: never.
   */
  isolateFromBytes?: number;
  /** Longest wait for that thread (default 10 minutes). */
  isolatedTimeoutMs?: number;
}

/**
 * Validates one document at a time on the calling thread: libxml2 parses it for the UBL schema; the
 * schematron then runs either as compiled rules on a compact tree of the document, or with SaxonJS.
 */
export class ValidationEngine {
  private readonly registry = transactionRegistry;
  private readonly xsd: XsdValidation;
  private readonly schematrons = new Map<string, SaxonSchematron>();
  private readonly compiled = new Map<string, CompiledRules>();
  private isolated?: IsolatedDocumentCheck;

  constructor(private readonly settings: EngineSettings) {
    this.xsd = new XsdValidation(settings.ublSchemaDir);
  }

  get release(): string {
    return this.settings.release.version;
  }

  /**
   * Loads the compiled rules and starts the thread for large documents with its schemas compiled,
   * so that the first document does not pay for it. Optional: validate() does what is missing.
   */
  async warmUp(): Promise<void> {
    for (const id of Object.keys(this.settings.release.compiled)) {
      try {
        this.compiledRules(id);
      } catch {
        // Reported as a finding when a document needs these rules.
      }
    }
    await this.isolatedCheck()?.ready();
  }

  validate(input: Buffer | Uint8Array | string, options: ValidateOptions = {}): ValidationReport {
    const forced = options.transaction === undefined ? undefined : this.registry.require(options.transaction);
    let admitted: AdmittedDocument;
    try {
      admitted = admitDocument(input, this.settings.maxDocumentBytes);
    } catch (error) {
      if (!(error instanceof DocumentRefusedError)) throw error;
      return this.report(forced?.id ?? null, [{ id: error.code, flag: 'fatal', location: '/', text: error.message }]);
    }
    const request: DocumentCheckRequest = { text: admitted.text, bytes: admitted.bytes, forced: forced?.id, runXsd: options.xsd !== false };
    const isolateFrom = this.settings.isolateFromBytes ?? 0;
    const isolated = isolateFrom > 0 && admitted.bytes.byteLength >= isolateFrom ? this.isolatedCheck() : undefined;
    const check: DocumentCheck = isolated
      ? isolated.check(request)
      : checkDocument({ ...request, treeFor: (id) => this.settings.release.compiled[id] !== undefined }, this.registry, this.xsd);
    if (check.schematron === 'none' || check.transaction === null) return this.report(check.transaction, check.fired);
    const transaction = this.registry.require(check.transaction);
    const text = check.schematron === 'payload' ? check.payloadText! : admitted.text;
    return this.report(transaction.id, [...check.fired, ...this.runSchematron(transaction, text, check.tree)]);
  }

  dispose(): void {
    this.isolated?.dispose();
    this.isolated = undefined;
    this.xsd.dispose();
  }

  private isolatedCheck(): IsolatedDocumentCheck | undefined {
    if (!this.settings.isolateFromBytes) return undefined;
    if (!this.isolated) {
      const ids = [...Object.keys(this.settings.release.compiled), ...Object.keys(this.settings.release.sef)];
      const xsdPaths = [...new Set(ids.flatMap((id) => { const t = this.registry.get(id); return t ? [schemaPathOf(t)] : []; }))];
      this.isolated = new IsolatedDocumentCheck({
        ublSchemaDir: this.settings.ublSchemaDir,
        xsdPaths,
        timeoutMs: this.settings.isolatedTimeoutMs ?? 600_000,
      });
    }
    return this.isolated;
  }

  private compiledRules(id: string): CompiledRules {
    let rules = this.compiled.get(id);
    if (!rules) {
      rules = new CompiledRules(readFileSync(this.settings.release.compiled[id]!, 'utf8'));
      this.compiled.set(id, rules);
    }
    return rules;
  }

  private runSchematron(transaction: Transaction, text: string, tree?: XNode): FiredRule[] {
    const compiledFile = this.settings.release.compiled[transaction.id];
    if (compiledFile) {
      try {
        return this.compiledRules(transaction.id).run(tree ?? parseXmlTree(text));
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

  private report(transaction: string | null, fired: FiredRule[]): ValidationReport {
    return { transaction, valid: isValid(fired), fired, release: this.release };
  }
}
