import { HttpStatus, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type FieldError, invalid } from './problem.js';

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
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.slice(0, 20).map((issue) => ({
      in: where,
      field: [metadata.data, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(root)',
      message: issue.message,
    }));
    throw invalid(where === 'body' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST, errors);
  }
}
