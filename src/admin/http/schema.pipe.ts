import { HttpStatus, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type FieldError, invalid } from './problem.js';

/** Where in a parameter value a NUL character sits (PostgreSQL text cannot hold one), or null. */
function nulAt(value: unknown, at: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulAt(inner, [...at, key], depth + 1);
    if (found) return found;
  }
  return null;
}

const LOCATION: Partial<Record<ArgumentMetadata['type'], FieldError['in']>> = { query: 'query', param: 'path', body: 'body' };

/**
 * Validates parameters declared with a zod schema (`@Query({ schema })`, `@Param('id', { schema })`,
 * `@Body({ schema })`) and returns the parsed value. Query and path problems are 400, body problems
 * 422; each names the field at fault.
 */
@Injectable()
export class SchemaPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = metadata.schema as z.ZodType | undefined;
    const where = LOCATION[metadata.type];
    if (!schema || !where) return value;
    const input = where === 'body' && value === undefined ? {} : value;
    const status = where === 'body' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
    const nul = nulAt(input);
    if (nul) {
      const field = [metadata.data, ...nul].filter((p) => p !== undefined && p !== '').join('.') || '(root)';
      throw invalid(status, [{ in: where, field, message: 'contains a NUL character, which is not allowed' }]);
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.slice(0, 20).map((issue) => ({
      in: where,
      field: [metadata.data, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(root)',
      message: issue.message,
    }));
    throw invalid(status, errors);
  }
}
