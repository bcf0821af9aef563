import type { ApiKeyRecord, ApiKeyRepository } from './api-key-repository.js';

/** Why a key may not be revoked now, or undefined: the last active admin key always stays. */
export async function revocationProblem(keys: ApiKeyRepository, key: ApiKeyRecord): Promise<string | undefined> {
  if (key.role !== 'admin') return undefined;
  const admins = (await keys.list({ includeRevoked: false })).filter((k) => k.role === 'admin');
  return admins.length <= 1 ? `key ${key.id} is the last active admin key; create another admin key first` : undefined;
}
