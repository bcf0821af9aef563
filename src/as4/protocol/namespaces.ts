/** XML namespace URIs used on the Peppol AS4 wire. */
export const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  eb: 'http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/',
  ebbp: 'http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsse11: 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  dsig11: 'http://www.w3.org/2009/xmldsig11#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  xenc11: 'http://www.w3.org/2009/xmlenc11#',
  ec: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  sbdh: 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/**
 * SOAP 1.2 roles (SOAP 1.2 Part 1 §2.2) that address a header block to this receiver, the ultimate
 * receiver; a block without `S12:role` is for the ultimate receiver too. Any other role is not ours.
 */
export const SOAP12_OUR_ROLES: readonly string[] = [
  'http://www.w3.org/2003/05/soap-envelope/role/next',
  'http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver',
];

/** Conventional prefixes we write; receivers must not depend on them. */
export const PREFIX = {
  soap12: 'S12',
  eb: 'eb',
  ebbp: 'ebbp',
  wsse: 'wsse',
  wsse11: 'wsse11',
  wsu: 'wsu',
  ds: 'ds',
  xenc: 'xenc',
  xenc11: 'xenc11',
  ec: 'ec',
} as const;
