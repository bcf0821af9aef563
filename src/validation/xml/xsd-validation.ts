import path from 'node:path';
import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator, XmlValidateError, type ErrorDetail } from 'libxml2-wasm';
import { LocalRuleId, type FiredRule } from '../validation-report.js';
import { allowSchemaFolder } from './schema-files.js';

/** Most schema errors reported per document: past this one more line says how many were left out. */
const MAX_XSD_ERRORS = 100;

/** UBL 2.1 schema validation with libxml2; each main document schema is compiled once and reused. */
export class XsdValidation {
  private readonly validators = new Map<string, XsdValidator>();
  /** Schema documents stay alive as long as the validator built from them (it points into them). */
  private readonly schemaDocs: XmlDocument[] = [];

  constructor(private readonly schemaFolder: string) {
    allowSchemaFolder(schemaFolder);
  }

  validate(doc: XmlDocument, xsdRelativePath: string): FiredRule[] {
    const validator = this.validatorFor(xsdRelativePath);
    try {
      validator.validate(doc);
      return [];
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
      return toFired(error.details);
    }
  }

  /** Compiles a main document schema ahead of the first document that needs it. */
  prepare(xsdRelativePath: string): void {
    this.validatorFor(xsdRelativePath);
  }

  dispose(): void {
    for (const v of this.validators.values()) v.dispose();
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
