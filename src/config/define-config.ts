import { readFileSync } from 'node:fs';
import type { FactoryProvider } from '@nestjs/common';
import { z } from 'zod';
import { isSecretVariable, redactText, registerSecret, showValue } from './redact.js';

/**
 * A configuration problem found at boot: one line per bad variable naming it, every bad variable at
 * once, never a secret value (passwords and keys show as set or unset, URLs without credentials).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** One line per problem. */
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = (Array.isArray(problems) ? problems : [problems]).map(redactText);
    super(list.length === 1 ? list[0]! : `Invalid configuration (${list.length} problems):\n${list.map((p) => `  ${p}`).join('\n')}`);
    this.problems = list;
  }
}

type EnvShape = Record<string, z.ZodType>;

export interface ConfigNamespace<S extends EnvShape, T extends object> {
  /** Namespace name, e.g. `storage`. */
  readonly namespace: string;
  /** Environment variables this namespace owns, with their schema (defaults included). */
  readonly env: S;
  /** Parse and validate from an environment; throws ConfigError naming every bad variable. */
  load(env?: NodeJS.ProcessEnv): T;
  /** Nest provider: list it in the owning module's `providers` (and `exports` when shared). */
  readonly provider: FactoryProvider<T>;
  /** Injection token: `@Inject(ns.KEY) cfg: ConfigOf<typeof ns>`. */
  readonly KEY: string;
}

export type ConfigOf<C> = C extends ConfigNamespace<EnvShape, infer T> ? T : never;

/**
 * Declares a configuration namespace: the environment variables it owns (each a zod schema with its
 * default) and how they map to a typed object. Each feature module owns one namespace.
 */
export function defineConfig<S extends EnvShape, T extends object>(
  namespace: string,
  env: S,
  map: (values: { [K in keyof S]: z.output<S[K]> }) => T,
): ConfigNamespace<S, T> {
  const schema = z.object(env);
  const load = (source: NodeJS.ProcessEnv = process.env): T => {
    const picked: Record<string, unknown> = {};
    const unreadable: string[] = [];
    for (const name of Object.keys(env)) {
      let raw = source[name];
      // Docker/Kubernetes secrets: `X_FILE` names a file holding the value of X (when X itself is unset).
      const file = source[`${name}_FILE`];
      if ((raw === undefined || raw === '') && file) {
        try {
          raw = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
        } catch (error) {
          unreadable.push(`Invalid configuration: ${name}_FILE (${JSON.stringify(file)}): cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      }
      picked[name] = raw === undefined || raw === '' ? undefined : raw;
      // Secret values are known from here on, so no later error or log line can show them.
      if (typeof picked[name] === 'string' && isSecretVariable(name)) registerSecret(picked[name] as string);
    }
    const parsed = schema.safeParse(picked);
    if (unreadable.length > 0 || !parsed.success) {
      const problems: string[] = [...unreadable];
      const seen = new Set<string>();
      for (const issue of parsed.error?.issues ?? []) {
        const variable = String(issue.path[0] ?? namespace);
        if (seen.has(variable)) continue;
        seen.add(variable);
        const raw = picked[variable] as string | undefined;
        problems.push(`Invalid configuration: ${variable} (${showValue(variable, raw)}): ${issue.message}`);
      }
      throw new ConfigError(problems);
    }
    try {
      return map(parsed.data as { [K in keyof S]: z.output<S[K]> });
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(`Invalid configuration in ${namespace}: ${(error as Error).message}`);
    }
  };
  const KEY = `CONFIG(${namespace})`;
  return { namespace, env, load, KEY, provider: { provide: KEY, useFactory: () => load() } };
}

/** Describes the default of a variable for `.env.example` and the README table. */
export function describeDefault(schema: z.ZodType): string {
  const result = schema.safeParse(undefined);
  if (!result.success) return '';
  const value = result.data;
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
