import { ALGORITHM } from '../protocol/peppol-profile.js';

/** Digest and signature URIs mapped to node:crypto names: the profile pins one of each. */
export const DIGEST_ALGORITHMS: Record<string, string> = {
  [ALGORITHM.digest]: 'sha256',
};

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  [ALGORITHM.signature]: 'sha256',
};
