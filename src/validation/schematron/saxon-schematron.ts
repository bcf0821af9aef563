import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type SaxonJSType from 'saxon-js';
import type { Flag, FiredRule } from '../validation-report.js';

const SVRL_NS = 'http://purl.oclc.org/dsdl/svrl';
/** Every failed assert and successful report of an SVRL result, as plain maps. */
const FIRED_XPATH = `array { for $f in //(svrl:failed-assert | svrl:successful-report) return map {
  'id': string($f/@id), 'flag': string($f/@flag), 'location': string($f/@location),
  'text': normalize-space(string-join($f/svrl:text, ' ')) } }`;

const require = createRequire(import.meta.url);
let saxon: typeof SaxonJSType | undefined;

/** SaxonJS is loaded on first use only: it costs about 90 MB, which the compiled engine does not need. */
function saxonJs(): typeof SaxonJSType {
  saxon ??= require('saxon-js') as typeof SaxonJSType;
  return saxon;
}

/** Runs one compiled official schematron stylesheet (SEF) with SaxonJS and reads its SVRL. */
export class SaxonSchematron {
  private readonly stylesheet: unknown;

  constructor(sefFile: string) {
    this.stylesheet = JSON.parse(readFileSync(sefFile, 'utf8'));
  }

  run(documentText: string): FiredRule[] {
    const SaxonJS = saxonJs();
    const result = SaxonJS.transform({ stylesheetInternal: this.stylesheet, sourceText: documentText, destination: 'document' }, 'sync');
    const items = SaxonJS.XPath.evaluate(FIRED_XPATH, result.principalResult, {
      namespaceContext: { svrl: SVRL_NS },
    }) as Array<Record<string, string>>;
    return items.map((item) => ({
      id: item.id ?? '',
      flag: toFlag(item.flag),
      location: item.location ?? '',
      text: item.text ?? '',
    }));
  }
}

/** The schematron default for an assert without a flag is an error, which Peppol treats as fatal. */
function toFlag(flag: string | undefined): Flag {
  return flag === 'warning' || flag === 'information' ? flag : 'fatal';
}
