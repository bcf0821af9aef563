import { z } from 'zod';

/** Reusable zod schemas for environment variables (strings in, typed values out). */
export const env = {
  int: (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int().min(min).max(max).default(def),
  bool: (def: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  string: (def: string) => z.string().min(1).default(def),
  /**
   * DATA_DIR, the one writable directory of the product: every namespace with a path to write to
   * declares it and derives its default paths from it (a container needs only this one volume).
   */
  dataDir: () => z.string().min(1).default('./data'),
  optionalString: () => z.string().min(1).optional(),
  url: (protocols: string[], def?: string) => {
    const base = z.string().refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      { message: `expected a URL with scheme ${protocols.join(' or ')}` },
    );
    return def === undefined ? base.optional() : base.default(def);
  },
  list: (def: string[] = []) =>
    z
      .string()
      .default(def.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      ),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, def: T[number]) =>
    z.enum(values).default(def as never),
};
