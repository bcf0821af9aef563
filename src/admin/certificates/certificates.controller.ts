import { Body, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { z } from 'zod';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController } from '../http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { CertificateOverview } from './certificate-overview.js';

const certificateSchema = z.object({
  subject: z.string(),
  subjectCn: z.string().nullable(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  daysLeft: z.number(),
  sha256: z.string(),
});
const oursSchema = z.object({
  stage: z.enum(['dev', 'test', 'production']),
  certificate: certificateSchema.meta({ description: 'The certificate that signs now' }),
  expiresSoon: z.boolean(),
  expiryWarningDays: z.number(),
  slots: z.array(z.object({ slot: z.enum(['current', 'next']), signing: z.boolean(), certificate: certificateSchema, chain: z.array(certificateSchema) })),
  rolloverAt: z.iso.datetime().nullable().meta({ description: 'When the next key pair takes (or took) over signing' }),
});
const certExample = {
  subject: 'C=DK, O=Example AP, OU=PEPPOL TEST AP, CN=PDK000123',
  subjectCn: 'PDK000123',
  issuer: 'C=BE, O=OpenPEPPOL AISBL, OU=FOR TEST ONLY, CN=PEPPOL ACCESS POINT TEST CA - G3',
  serialNumber: '4F2A9C01D3',
  notBefore: '2025-12-01T00:00:00.000Z',
  notAfter: '2027-11-30T23:59:59.000Z',
  daysLeft: 372,
  sha256: '9d2c5b0e8e0e0d554c8ebb0e7d3f0a6c9f105b0e8e0e0d554c8ebb0e7d3f0a6c',
};
const nextExample = { ...certExample, serialNumber: '4F2A9C01D4', notBefore: '2027-10-01T00:00:00.000Z', notAfter: '2029-09-30T23:59:59.000Z', daysLeft: 1043 };
const oursExample = {
  stage: 'test',
  certificate: certExample,
  expiresSoon: false,
  expiryWarningDays: 30,
  slots: [
    { slot: 'current', signing: true, certificate: certExample, chain: [] },
    { slot: 'next', signing: false, certificate: nextExample, chain: [] },
  ],
  rolloverAt: '2027-11-01T00:00:00.000Z',
};
const rolloverBody = z.object({
  at: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time with zone' }).optional().meta({ description: 'Switch time; default now' }),
});

@AdminController('certificates', 'certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificateOverview) {}

  @Get()
  @ApiOperation({ summary: "This access point's key pairs: the signing certificate with days until expiry, the next one during a rollover" })
  @ApiOkResponse(jsonResponse('Our certificates', oursSchema, oursExample))
  ours() {
    return this.certificates.ours();
  }

  @Post('rollover')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('admin')
  @ApiOperation({
    summary: 'Next-key rollover: the configured next key pair (AP_NEXT_*) signs from `at` (default now)',
    description: 'The next certificate must validate as an AP certificate at that time. Every running process picks the switch up without a restart; both keys keep decrypting.',
  })
  @ApiBody(jsonBody('When to switch', rolloverBody, { at: '2027-11-01T00:00:00Z' }))
  @ApiOkResponse(jsonResponse('Our certificates with the switch time', oursSchema, oursExample))
  @ApiConflictResponse(problemResponse('No next key pair is configured, or its certificate is not acceptable then', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid; `errors` names the field', 422))
  async rollover(@Body({ schema: rolloverBody }) body: z.output<typeof rolloverBody>, @Req() req: AdminRequest) {
    const before = await this.certificates.ours();
    req.audit = { target: 'certificate:rollover', before: { rolloverAt: before.rolloverAt } };
    const after = await this.certificates.rollover(body.at ? new Date(body.at) : undefined);
    req.audit.after = { rolloverAt: after.rolloverAt, next: after.slots.find((s) => s.slot === 'next')?.certificate.sha256 };
    return after;
  }

  @Get('trust-store')
  @ApiOperation({ summary: 'The CAs trusted for access point and SMP certificates' })
  @ApiOkResponse(
    jsonResponse(
      'Roots and issuing CAs per purpose',
      z.object({ stage: z.enum(['dev', 'test', 'production']), data: z.array(certificateSchema.extend({ purpose: z.enum(['root', 'ap-issuer', 'smp-issuer']), label: z.string() })) }),
      { stage: 'test', data: [{ purpose: 'ap-issuer', label: 'Peppol test G3', ...certExample, subject: 'CN=PEPPOL ACCESS POINT TEST CA - G3', subjectCn: 'PEPPOL ACCESS POINT TEST CA - G3' }] },
    ),
  )
  trustStore() {
    return this.certificates.trustStore();
  }
}
