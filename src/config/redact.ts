/**
 * Keeps secrets out of error messages and log lines: credentials in URLs, Standard Webhooks secrets,
 * and the values of secret-bearing configuration variables (passwords, API keys), which configuration
 * loading registers here. Every log line and start-up error passes through `redactText`.
 */

export const REDACTED = '***';

/** Variables whose whole value is secret (the value is never shown, only whether it is set). */
export function isSecretVariable(name: string): boolean {
  return /(^|_)(PASSWORD|SECRET|SECRETS|TOKEN|API_KEYS)$/.test(name);
}

const registered = new Set<string>();

/** Secrets shorter than this are not searched for in text (they would match ordinary words). */
const MIN_REGISTERED_LENGTH = 4;

/** Remembers a secret value so that `redactText` removes it wherever it appears (also JSON-escaped). */
export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < MIN_REGISTERED_LENGTH) return;
  registered.add(value);
  const escaped = JSON.stringify(value).slice(1, -1);
  if (escaped !== value) registered.add(escaped);
}

/** `scheme://user:password@host` → `scheme://user:***@host` (also a user name alone when it looks like a token). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@"'<>]*):([^\s/"'<>]+)@/gi;
/** Standard Webhooks signing secrets. */
const WEBHOOK_SECRET = /\bwhsec_[A-Za-z0-9+/=]+/g;

export function redactText(text: string): string {
  let out = text.replace(URL_CREDENTIALS, `$1$2:${REDACTED}@`).replace(WEBHOOK_SECRET, `whsec_${REDACTED}`);
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** How a variable's raw value may be shown in a configuration error. */
export function showValue(name: string, raw: string | undefined): string {
  if (raw === undefined) return 'unset';
  if (isSecretVariable(name)) return 'set, hidden';
  // A URL variable with a user part: show only its scheme and what follows the last '@' (a password
  // may hold any character, so no parse of it is trusted).
  if (/_URLS?$/.test(name) && raw.includes('@')) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
    return JSON.stringify(`${scheme}${REDACTED}@${raw.slice(raw.lastIndexOf('@') + 1)}`);
  }
  return JSON.stringify(redactText(raw));
}
