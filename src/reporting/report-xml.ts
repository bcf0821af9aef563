import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { REPORTER_ID_SCHEME, type Transaction } from '../peppol/index.js';
import type { ReportHeader } from './report-model.js';

/**
 * A small DOM writer for the reports (one default namespace, no prefixes): values are set as text
 * nodes and attribute values, so the serialiser escapes them.
 */
export class ReportXml {
  private readonly document: Document;
  readonly root: Element;

  constructor(
    private readonly namespace: string,
    rootName: string,
  ) {
    this.document = new DOMImplementation().createDocument(namespace, rootName, null) as unknown as Document;
    this.root = this.document.documentElement;
  }

  /** Appends `<name attrs>text</name>` (text optional) to `parent` and returns it. */
  add(parent: Element, name: string, text?: string | number, attributes: Record<string, string> = {}): Element {
    const element = this.document.createElementNS(this.namespace, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text !== undefined) element.appendChild(this.document.createTextNode(String(text)));
    parent.appendChild(element);
    return element;
  }

  toString(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.document as unknown as Node)}\n`;
  }
}

/** A report document of `transaction` with what both reports begin with: CustomizationID, ProfileID and the Header (period, reporter). */
export function reportDocument(transaction: Pick<Transaction, 'rootNamespace' | 'rootName' | 'customizationId' | 'processIds'>, header: ReportHeader): ReportXml {
  const xml = new ReportXml(transaction.rootNamespace, transaction.rootName);
  xml.add(xml.root, 'CustomizationID', transaction.customizationId);
  xml.add(xml.root, 'ProfileID', transaction.processIds[0]);
  const written = xml.add(xml.root, 'Header');
  const period = xml.add(written, 'ReportPeriod');
  xml.add(period, 'StartDate', header.startDate);
  xml.add(period, 'EndDate', header.endDate);
  xml.add(written, 'ReporterID', header.reporterId, { schemeID: REPORTER_ID_SCHEME });
  return xml;
}
