import path from 'node:path';
import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator, XmlValidateError, type ErrorDetail } from 'libxml2-wasm';
import { LocalRuleId, type FiredRule } from '../validation-report.js';
import { allowSchemaFolder, allowShippedSchemaFolders } from './schema-files.js';

/** Most schema errors reported per document: past this one more line says how many were left out. */
const MAX_XSD_ERRORS = 100;
const XS_NS = 'http://www.w3.org/2001/XMLSchema';
/** libxml2's message for a value its built-in type refuses, e.g. `Element 'x': ' 1 ' is not a valid value of the atomic type 'xs:date'.` */
const ATOMIC_VALUE_ERROR = /^Element '[^']*': '([^']*)' is not a valid value of the atomic type 'xs:([A-Za-z]+)'\.$/;
/** Longer values are not checked again (dates, times, numbers are short). */
const MAX_COLLAPSED_CHECK = 256;

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** XML schema validation with libxml2 (UBL 2.1 from the configured folder, the shipped ones by absolute path); each main document schema is compiled once and reused. */
export class XsdValidation {
  private readonly validators = new Map<string, XsdValidator>();
  /** One-element schemas of built-in types (`xs:date`, ...), for values libxml2 did not collapse. */
  private readonly atomicTypes = new Map<string, XsdValidator>();
  /** Schema documents stay alive as long as the validator built from them (it points into them). */
  private readonly schemaDocs: XmlDocument[] = [];

  constructor(private readonly schemaFolder: string) {
    allowSchemaFolder(schemaFolder);
    allowShippedSchemaFolders();
  }

  validate(doc: XmlDocument, xsdRelativePath: string): FiredRule[] {
    const validator = this.validatorFor(xsdRelativePath);
    try {
      validator.validate(doc);
      return [];
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
      return toFired(error.details.filter((d) => !this.onlyUncollapsedWhitespace(d)));
    }
  }

  /**
   * libxml2 does not apply the `whiteSpace="collapse"` facet of the built-in atomic types before
   * checking a value, so `<cbc:IssueDate> 2025-03-11 </cbc:IssueDate>` is refused although the XML
   * Schema rules (and the official MLS examples) make it valid. Such an error is dropped when the
   * collapsed value is valid for that type.
   */
  private onlyUncollapsedWhitespace(detail: ErrorDetail): boolean {
    const m = ATOMIC_VALUE_ERROR.exec(detail.message.trim());
    if (!m) return false;
    const [, value, type] = m as unknown as [string, string, string];
    const collapsed = value.replace(/[ \t\n\r]+/g, ' ').trim();
    if (collapsed === value || collapsed.length > MAX_COLLAPSED_CHECK) return false;
    let check = this.atomicTypes.get(type);
    if (!check) {
      const schema = XmlDocument.fromString(`<xs:schema xmlns:xs="${XS_NS}"><xs:element name="v" type="xs:${type}"/></xs:schema>`);
      this.schemaDocs.push(schema);
      check = XsdValidator.fromDoc(schema);
      this.atomicTypes.set(type, check);
    }
    const doc = XmlDocument.fromString(`<v>${escapeText(collapsed)}</v>`);
    try {
      check.validate(doc);
      return true;
    } catch (error) {
      if (error instanceof XmlValidateError) return false;
      throw error;
    } finally {
      doc.dispose();
    }
  }

  /** Compiles a main document schema ahead of the first document that needs it. */
  prepare(xsdRelativePath: string): void {
    this.validatorFor(xsdRelativePath);
  }

  dispose(): void {
    for (const v of [...this.validators.values(), ...this.atomicTypes.values()]) v.dispose();
    this.atomicTypes.clear();
    for (const d of this.schemaDocs) d.dispose();
    this.validators.clear();
    this.schemaDocs.length = 0;
  }

  private validatorFor(xsdRelativePath: string): XsdValidator {
    const cached = this.validators.get(xsdRelativePath);
    if (cached) return cached;
    const file = path.resolve(this.schemaFolder, xsdRelativePath);
    const schemaDoc = XmlDocument.fromBuffer(readFileSync(file), { url: file });
    this.schemaDocs.push(schemaDoc);
    const validator = XsdValidator.fromDoc(schemaDoc);
    this.validators.set(xsdRelativePath, validator);
    return validator;
  }
}

function toFired(details: ErrorDetail[]): FiredRule[] {
  const fired = details.slice(0, MAX_XSD_ERRORS).map((d) => ({
    id: LocalRuleId.xsd,
    flag: 'fatal' as const,
    location: `${d.xpath ?? '/'} (line ${d.line})`,
    text: d.message.trim(),
  }));
  if (details.length > MAX_XSD_ERRORS) {
    fired.push({ id: LocalRuleId.xsd, flag: 'fatal', location: '/', text: `${details.length - MAX_XSD_ERRORS} more schema errors not listed` });
  }
  return fired;
}
