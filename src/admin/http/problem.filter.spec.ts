import { BadRequestException, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeliveryError } from '../../delivery/delivery.errors.js';
import { StateConflictError } from '../../messages/message-repository.js';
import { toProblem } from './problem.filter.js';
import { ProblemException } from './problem.js';
import { SchemaPipe } from './schema.pipe.js';

const req = { originalUrl: '/admin/routes/x?y=1', path: '/admin/routes/x', res: { getHeader: () => 'corr-1' } } as unknown as Request;

describe('problem details', () => {
  it('keeps the status and detail of HTTP errors and names the instance without the query', () => {
    expect(toProblem(new BadRequestException('nope'), req)).toEqual({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      detail: 'nope',
      instance: '/admin/routes/x',
      correlationId: 'corr-1',
    });
  });

  it('maps service errors to their status, with the field at fault', () => {
    expect(toProblem(new DeliveryError('invalid-route', 'url: must be https', 'url'), req)).toMatchObject({
      status: 400,
      type: 'urn:peppol-ap:problem:validation',
      errors: [{ in: 'body', field: 'url', message: 'url: must be https' }],
    });
    expect(toProblem(new DeliveryError('route-in-use', 'has deliveries'), req)).toMatchObject({ status: 409, type: 'urn:peppol-ap:problem:conflict' });
    expect(toProblem(new StateConflictError('m', 'failed', 'sent'), req)).toMatchObject({ status: 409 });
    expect(toProblem(Object.assign(new Error('update or delete on table "participants" violates foreign key constraint'), { code: '23503' }), req)).toMatchObject({
      status: 409,
      detail: 'Other records still refer to this one; remove or change them first.',
    });
  });

  it('never leaks an unexpected error', () => {
    const problem = toProblem(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), req);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|hunter2/);
  });
});

describe('schema pipe', () => {
  const pipe = new SchemaPipe();
  const schema = z.object({ limit: z.coerce.number().max(5), nested: z.object({ a: z.string() }).optional() });

  it('returns the parsed value', () => {
    expect(pipe.transform({ limit: '3' }, { type: 'query', schema })).toEqual({ limit: 3 });
  });

  it('answers 400 for query and path problems and 422 for body problems, naming the field', () => {
    const query = (() => {
      try {
        pipe.transform({ limit: '9' }, { type: 'query', schema });
      } catch (error) {
        return error as ProblemException;
      }
    })()!;
    expect(query.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(query.problem.errors).toEqual([{ in: 'query', field: 'limit', message: expect.stringMatching(/<=5/) }]);
    const path = (() => {
      try {
        pipe.transform('x', { type: 'param', data: 'id', schema: z.uuid() });
      } catch (error) {
        return error as ProblemException;
      }
    })()!;
    expect(path.problem.errors).toEqual([{ in: 'path', field: 'id', message: expect.any(String) }]);
    const body = (() => {
      try {
        pipe.transform({ limit: 1, nested: { a: 5 } }, { type: 'body', schema });
      } catch (error) {
        return error as ProblemException;
      }
    })()!;
    expect(body.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(body.problem.errors![0]!.field).toBe('nested.a');
  });
});
