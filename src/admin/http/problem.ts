import { HttpException, HttpStatus } from '@nestjs/common';

/** One field that failed validation: where it was (query, path, body) and what is wrong. */
export interface FieldError {
  in: 'query' | 'path' | 'body' | 'header';
  field: string;
  message: string;
}

/** RFC 9457 problem details as the admin API answers every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  correlationId: string;
  errors?: FieldError[];
  /** Further members of a problem type (RFC 9457 §3.2), e.g. the fired rules of a refused document. */
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs; `about:blank` means "no more than the HTTP status says" (RFC 9457 §4.2.1). */
export const PROBLEM_TYPES = {
  generic: 'about:blank',
  validation: 'urn:peppol-ap:problem:validation',
  unauthenticated: 'urn:peppol-ap:problem:unauthenticated',
  forbidden: 'urn:peppol-ap:problem:forbidden',
  notFound: 'urn:peppol-ap:problem:not-found',
  conflict: 'urn:peppol-ap:problem:conflict',
  /** A submitted business document broke fatal rules; `rules` lists every rule that fired. */
  invalidDocument: 'urn:peppol-ap:problem:invalid-document',
  unsupportedMediaType: 'urn:peppol-ap:problem:unsupported-media-type',
  tooLarge: 'urn:peppol-ap:problem:too-large',
  /** A document this access point made broke rules it must keep: a defect here, nothing was sent. */
  producedInvalid: 'urn:peppol-ap:problem:produced-document-invalid',
  unavailable: 'urn:peppol-ap:problem:unavailable',
} as const;

/** An error the admin API answers with a specific problem type and, for validation, the fields at fault. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    detail: string,
    readonly problem: { type?: string; title?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail, status);
  }
}

export const notFound = (detail: string) => new ProblemException(HttpStatus.NOT_FOUND, detail, { type: PROBLEM_TYPES.notFound, title: 'Not found' });
export const conflict = (detail: string) => new ProblemException(HttpStatus.CONFLICT, detail, { type: PROBLEM_TYPES.conflict, title: 'Conflict' });

export function invalid(status: HttpStatus.BAD_REQUEST | HttpStatus.UNPROCESSABLE_ENTITY, errors: FieldError[]): ProblemException {
  const detail = errors.map((e) => `${e.in} ${e.field}: ${e.message}`).join('; ');
  return new ProblemException(status, detail, { type: PROBLEM_TYPES.validation, title: 'Invalid request', errors });
}
