import { describe, expect, it } from 'vitest';
import { EBMS_ERRORS, EbmsError } from './ebms-errors.js';

describe('ebMS error table', () => {
  it('carries the ebMS 3.0 values for the codes a Peppol receiver uses', () => {
    expect(EBMS_ERRORS['EBMS:0004']).toMatchObject({ shortDescription: 'Other', category: 'Content', severity: 'failure' });
    expect(EBMS_ERRORS['EBMS:0009']).toMatchObject({ shortDescription: 'InvalidHeader', category: 'Unpackaging' });
    expect(EBMS_ERRORS['EBMS:0101']).toMatchObject({ shortDescription: 'FailedAuthentication', origin: 'security' });
    expect(EBMS_ERRORS['EBMS:0303']).toMatchObject({ shortDescription: 'DecompressionFailure', category: 'Communication' });
  });

  it('the exception carries code, detail and the referenced message', () => {
    const error = new EbmsError('EBMS:0004', 'PEPPOL:NOT_SERVICED').withRefToMessageId('a@b');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('EBMS:0004');
    expect(error.detail).toBe('PEPPOL:NOT_SERVICED');
    expect(error.refToMessageId).toBe('a@b');
    expect(error.message).toContain('Other');
  });
});
