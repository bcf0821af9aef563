import { ALGORITHM } from '../protocol/peppol-profile.js';

/**
 * Digest and signature URIs mapped to node:crypto names. Verification accepts only the pinned pair;
 * the builder can also produce SHA-1 variants so tests can prove those are refused.
 */
export const DIGEST_ALGORITHMS: Record<string, string> = {
  [ALGORITHM.digest]: 'sha256',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
};

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  [ALGORITHM.signature]: 'sha256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
};

export const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
export const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
