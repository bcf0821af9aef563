// The dev OCSP/CRL responder lives in src (it also serves `peppol-ap pki dev-responder`).
export * from '../../../src/pki/dev-revocation-server.js';
