import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `pap_<id>_<secret>`: the id (12 lower-case hex) finds the stored record, the
 * secret (32 random bytes, base64url) proves possession. Only the SHA-256 of the whole key is stored;
 * the key's entropy makes a slow hash unnecessary and keeps every request cheap.
 */
const GENERATED = /^pap_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Keys given in ADMIN_API_KEYS need not have our shape, but must be long enough to be unguessable. */
const MIN_CONFIGURED_KEY_LENGTH = 32;
const MAX_KEY_LENGTH = 256;
const CONFIGURED = /^[\x21-\x7e]+$/;

export interface GeneratedKey {
  id: string;
  /** The key to hand to its user once; never stored. */
  key: string;
  hash: string;
}

export function generateApiKey(): GeneratedKey {
  const id = randomBytes(6).toString('hex');
  const key = `pap_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The record id a presented key is looked up by: the embedded id for generated keys, a digest-derived
 * id (prefixed `cfg`) for configured free-form keys. Undefined for anything that cannot be a key.
 */
export function keyIdOf(key: string): string | undefined {
  if (key.length > MAX_KEY_LENGTH) return undefined;
  const generated = GENERATED.exec(key);
  if (generated) return generated[1];
  if (key.length < MIN_CONFIGURED_KEY_LENGTH || !CONFIGURED.test(key)) return undefined;
  return `cfg${hashApiKey(key).slice(0, 9)}`;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function keyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Checks a key given in configuration; returns a reason when unusable. */
export function configuredKeyProblem(key: string): string | undefined {
  if (GENERATED.test(key)) return undefined;
  if (key.length < MIN_CONFIGURED_KEY_LENGTH) return `key is shorter than ${MIN_CONFIGURED_KEY_LENGTH} characters`;
  if (key.length > MAX_KEY_LENGTH) return `key is longer than ${MAX_KEY_LENGTH} characters`;
  if (!CONFIGURED.test(key)) return 'key may contain only printable ASCII without spaces';
  return undefined;
}
