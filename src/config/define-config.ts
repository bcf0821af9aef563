import type { FactoryProvider } from '@nestjs/common';
import { z } from 'zod';

/** A configuration problem found at boot; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type EnvShape = Record<string, z.ZodType>;

export interface ConfigNamespace<S extends EnvShape, T extends object> {
  /** Namespace name, e.g. `storage`. */
  readonly namespace: string;
  /** Environment variables this namespace owns, with their schema (defaults included). */
  readonly env: S;
  /** Parse and validate from an environment; throws ConfigError naming the first bad variable. */
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
    for (const name of Object.keys(env)) {
      const raw = source[name];
      picked[name] = raw === undefined || raw === '' ? undefined : raw;
    }
    const parsed = schema.safeParse(picked);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const variable = String(issue.path[0] ?? namespace);
      const shown = picked[variable] === undefined ? 'unset' : JSON.stringify(picked[variable]);
      throw new ConfigError(`Invalid configuration: ${variable} (${shown}): ${issue.message}`);
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
