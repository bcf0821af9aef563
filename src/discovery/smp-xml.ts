import type { PeppolIdentifier } from '../peppol/index.js';
import { DiscoveryError } from './discovery.errors.js';

/** Namespaces of the two SMP formats in use (Peppol SMP 1.x "busdox" and OASIS BDXR SMP 2.0). */
export const SMP_NS = {
  smp1: 'http://busdox.org/serviceMetadata/publishing/1.0/',
  ids1: 'http://busdox.org/transport/identifiers/1.0/',
  wsa: 'http://www.w3.org/2005/08/addressing',
  smp2ServiceMetadata: 'http://docs.oasis-open.org/bdxr/ns/SMP/2/ServiceMetadata',
  smp2ServiceGroup: 'http://docs.oasis-open.org/bdxr/ns/SMP/2/ServiceGroup',
  cbc2: 'http://docs.oasis-open.org/bdxr/ns/SMP/2/BasicComponents',
  cac2: 'http://docs.oasis-open.org/bdxr/ns/SMP/2/AggregateComponents',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export type SmpFormat = 'peppol-smp-1' | 'oasis-smp-2';

export interface SmpEndpoint {
  transportProfile: string;
  address: string;
  /** Base64 DER of the receiving AP certificate. */
  certificate?: string;
  activation?: Date;
  expiration?: Date;
  description?: string;
  technicalContact?: string;
}

interface SmpProcess {
  /** Undefined when the SMP 2 metadata lists no process (it then applies to every process). */
  process?: PeppolIdentifier;
  endpoints: SmpEndpoint[];
}

export type SmpServiceMetadata =
  | { kind: 'service-information'; format: SmpFormat; participant: PeppolIdentifier; documentType: PeppolIdentifier; processes: SmpProcess[] }
  | { kind: 'redirect'; format: SmpFormat; href: string; certificateUid?: string; certificate?: string };

export interface SmpServiceGroup {
  format: SmpFormat;
  participant: PeppolIdentifier;
  documentTypes: PeppolIdentifier[];
}

const bad = (message: string): never => {
  throw new DiscoveryError('smp-bad-response', message);
};

/** Reads a (signed) service metadata document of either format into one model. */
export function readServiceMetadata(doc: Document): SmpServiceMetadata {
  const root = doc.documentElement;
  if (root.namespaceURI === SMP_NS.smp1 && root.localName === 'SignedServiceMetadata') return readSmp1Metadata(root);
  if (root.namespaceURI === SMP_NS.smp2ServiceMetadata && root.localName === 'ServiceMetadata') return readSmp2Metadata(root);
  return bad(`unexpected SMP response root {${root.namespaceURI ?? ''}}${root.localName}`);
}

export function readServiceGroup(doc: Document): SmpServiceGroup {
  const root = doc.documentElement;
  if (root.namespaceURI === SMP_NS.smp1 && root.localName === 'ServiceGroup') {
    const participant = identifier(one(root, SMP_NS.ids1, 'ParticipantIdentifier'), 'scheme');
    const refs = children(optional(root, SMP_NS.smp1, 'ServiceMetadataReferenceCollection'), SMP_NS.smp1, 'ServiceMetadataReference');
    const documentTypes = refs.flatMap((ref) => {
      const href = ref.getAttribute('href') ?? '';
      const doctype = documentTypeFromHref(href);
      return doctype ? [doctype] : [];
    });
    return { format: 'peppol-smp-1', participant, documentTypes };
  }
  if (root.namespaceURI === SMP_NS.smp2ServiceGroup && root.localName === 'ServiceGroup') {
    const participant = identifier(one(root, SMP_NS.cbc2, 'ParticipantID'), 'schemeID');
    const documentTypes = children(root, SMP_NS.cac2, 'ServiceReference').map((ref) => identifier(one(ref, SMP_NS.cbc2, 'ID'), 'schemeID'));
    return { format: 'oasis-smp-2', participant, documentTypes };
  }
  return bad(`unexpected SMP service group root {${root.namespaceURI ?? ''}}${root.localName}`);
}

function readSmp1Metadata(root: Element): SmpServiceMetadata {
  const metadata = one(root, SMP_NS.smp1, 'ServiceMetadata');
  const redirect = optional(metadata, SMP_NS.smp1, 'Redirect');
  if (redirect) {
    const href = redirect.getAttribute('href') ?? bad('Redirect has no href');
    return { kind: 'redirect', format: 'peppol-smp-1', href, certificateUid: textOf(optional(redirect, SMP_NS.smp1, 'CertificateUID')) };
  }
  const info = one(metadata, SMP_NS.smp1, 'ServiceInformation');
  const processes = children(one(info, SMP_NS.smp1, 'ProcessList'), SMP_NS.smp1, 'Process').map((process) => ({
    process: identifier(one(process, SMP_NS.ids1, 'ProcessIdentifier'), 'scheme'),
    endpoints: children(one(process, SMP_NS.smp1, 'ServiceEndpointList'), SMP_NS.smp1, 'Endpoint').map((endpoint) => ({
      transportProfile: endpoint.getAttribute('transportProfile') ?? bad('Endpoint has no transportProfile'),
      address: requiredText(one(one(endpoint, SMP_NS.wsa, 'EndpointReference'), SMP_NS.wsa, 'Address'), 'EndpointReference/Address'),
      certificate: textOf(optional(endpoint, SMP_NS.smp1, 'Certificate')),
      activation: dateOf(optional(endpoint, SMP_NS.smp1, 'ServiceActivationDate')),
      expiration: dateOf(optional(endpoint, SMP_NS.smp1, 'ServiceExpirationDate')),
      description: textOf(optional(endpoint, SMP_NS.smp1, 'ServiceDescription')),
      technicalContact: textOf(optional(endpoint, SMP_NS.smp1, 'TechnicalContactUrl')),
    })),
  }));
  return {
    kind: 'service-information',
    format: 'peppol-smp-1',
    participant: identifier(one(info, SMP_NS.ids1, 'ParticipantIdentifier'), 'scheme'),
    documentType: identifier(one(info, SMP_NS.ids1, 'DocumentIdentifier'), 'scheme'),
    processes,
  };
}

function readSmp2Metadata(root: Element): SmpServiceMetadata {
  const participant = identifier(one(root, SMP_NS.cbc2, 'ParticipantID'), 'schemeID');
  const documentType = identifier(one(root, SMP_NS.cbc2, 'ID'), 'schemeID');
  const processMetadata = children(root, SMP_NS.cac2, 'ProcessMetadata');
  if (processMetadata.length === 0) bad('ServiceMetadata has no ProcessMetadata');
  const redirects = processMetadata.map((pm) => optional(pm, SMP_NS.cac2, 'Redirect')).filter((r): r is Element => r !== undefined);
  if (redirects.length > 0) {
    const redirect = redirects[0]!;
    return {
      kind: 'redirect',
      format: 'oasis-smp-2',
      href: requiredText(one(redirect, SMP_NS.cbc2, 'PublisherURI'), 'Redirect/PublisherURI'),
      certificate: certificateOf(optional(redirect, SMP_NS.cac2, 'Certificate')),
    };
  }
  const processes: SmpProcess[] = [];
  for (const pm of processMetadata) {
    const endpoints = children(pm, SMP_NS.cac2, 'Endpoint').map((endpoint) => ({
      transportProfile: requiredText(one(endpoint, SMP_NS.cbc2, 'TransportProfileID'), 'Endpoint/TransportProfileID'),
      address: requiredText(one(endpoint, SMP_NS.cbc2, 'AddressURI'), 'Endpoint/AddressURI'),
      certificate: certificateOf(children(endpoint, SMP_NS.cac2, 'Certificate')[0]),
      activation: dateOf(optional(endpoint, SMP_NS.cbc2, 'ActivationDate')),
      expiration: dateOf(optional(endpoint, SMP_NS.cbc2, 'ExpirationDate')),
      description: textOf(optional(endpoint, SMP_NS.cbc2, 'Description')),
      technicalContact: textOf(optional(endpoint, SMP_NS.cbc2, 'Contact')),
    }));
    const listed = children(pm, SMP_NS.cac2, 'Process');
    if (listed.length === 0) processes.push({ endpoints });
    for (const process of listed) processes.push({ process: identifier(one(process, SMP_NS.cbc2, 'ID'), 'schemeID'), endpoints });
  }
  return { kind: 'service-information', format: 'oasis-smp-2', participant, documentType, processes };
}

/** The document type a SMP 1 ServiceMetadataReference href points to (last path segment after /services/). */
export function documentTypeFromHref(href: string): PeppolIdentifier | undefined {
  const at = href.lastIndexOf('/services/');
  if (at < 0) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.slice(at + '/services/'.length));
  } catch {
    return undefined;
  }
  const sep = decoded.indexOf('::');
  return sep > 0 ? { scheme: decoded.slice(0, sep), value: decoded.slice(sep + 2) } : undefined;
}

function children(parent: Element | undefined, ns: string, localName: string): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}

function optional(parent: Element, ns: string, localName: string): Element | undefined {
  const found = children(parent, ns, localName);
  if (found.length > 1) bad(`${parent.localName} has ${found.length} ${localName} elements, expected at most one`);
  return found[0];
}

function one(parent: Element, ns: string, localName: string): Element {
  return optional(parent, ns, localName) ?? bad(`${parent.localName} has no ${localName}`);
}

function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

function requiredText(element: Element, what: string): string {
  return textOf(element) ?? bad(`${what} is empty`);
}

function identifier(element: Element, schemeAttribute: string): PeppolIdentifier {
  const scheme = element.getAttribute(schemeAttribute)?.trim() || bad(`${element.localName} has no ${schemeAttribute}`);
  let value = requiredText(element, element.localName);
  // Some SMP 2 publishers repeat the scheme inside the value ("scheme::value").
  if (value.startsWith(`${scheme}::`)) value = value.slice(scheme.length + 2);
  return { scheme, value };
}

function dateOf(element: Element | undefined): Date | undefined {
  const text = textOf(element);
  if (text === undefined) return undefined;
  // xsd:dateTime or xsd:date; a date without zone is read as UTC.
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const date = new Date(normalised);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) bad(`${element!.localName} "${text}" is not an ISO date`);
  return date;
}

function certificateOf(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  return textOf(optional(element, SMP_NS.cbc2, 'ContentBinaryObject'))?.replace(/\s+/g, '');
}
