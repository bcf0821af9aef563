import { describeDefault } from '../config/define-config.js';
import { ALL_CONFIGS } from './configuration.js';

/** The `.env.example` text: every variable of every namespace with its default, grouped by namespace. */
export function renderEnvExample(): string {
  const lines = ['# Every configuration variable with its default (generated: npm run env:example).', '# Unset variables take the default shown.', ''];
  const seen = new Set<string>();
  for (const ns of ALL_CONFIGS) {
    const names = Object.keys(ns.env).filter((n) => !seen.has(n));
    if (names.length === 0) continue;
    lines.push(`# --- ${ns.namespace}`);
    for (const name of names) {
      seen.add(name);
      lines.push(`${name}=${describeDefault(ns.env[name])}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Variables with their namespace and default, for the README table. */
export function listVariables(): Array<{ name: string; namespace: string; default: string }> {
  const seen = new Set<string>();
  const out: Array<{ name: string; namespace: string; default: string }> = [];
  for (const ns of ALL_CONFIGS) {
    for (const name of Object.keys(ns.env)) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, namespace: ns.namespace, default: describeDefault(ns.env[name]) });
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('env-example.js')) process.stdout.write(renderEnvExample());
