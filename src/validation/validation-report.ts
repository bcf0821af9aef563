/** Severity of a fired rule, as the schematron `flag` attribute names it. */
export type Flag = 'fatal' | 'warning' | 'information';

/** One fired assertion or report (schematron) or one schema/parse error (ids prefixed `XSD`/`XML-`). */
export interface FiredRule {
  id: string;
  flag: Flag;
  /** XPath of the node the rule fired on (schematron) or `line:column` plus path (XSD, parser). */
  location: string;
  text: string;
}

export interface ValidationReport {
  /** Transaction the document was validated as (e.g. `T77`), or null when it could not be chosen. */
  transaction: string | null;
  /** True when nothing fired with flag `fatal`. */
  valid: boolean;
  fired: FiredRule[];
  /** Name of the rule release the verdict comes from (e.g. `2025.11`). */
  release: string;
}

/** Ids of fired items that come from this validator itself rather than from an official artefact. */
export const LocalRuleId = {
  tooLarge: 'XML-SIZE',
  doctype: 'XML-DOCTYPE',
  notWellFormed: 'XML-WELLFORMED',
  unknownCustomization: 'PEPPOL-UNKNOWN-CUSTOMIZATION',
  envelopeMismatch: 'SBDH-DOCUMENT-TYPE',
  rootMismatch: 'UBL-ROOT-ELEMENT',
  xsd: 'XSD',
  engineError: 'SCHEMATRON-ENGINE',
} as const;

export function isValid(fired: readonly FiredRule[]): boolean {
  return !fired.some((f) => f.flag === 'fatal');
}
