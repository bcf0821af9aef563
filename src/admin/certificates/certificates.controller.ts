import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminController } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';
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
const certExample = {
  subject: 'C=DK, O=Example AP, OU=PEPPOL TEST AP, CN=PDK000123',
  subjectCn: 'PDK000123',
  issuer: 'C=BE, O=OpenPEPPOL AISBL, OU=FOR TEST ONLY, CN=PEPPOL ACCESS POINT TEST CA - G2',
  serialNumber: '4F2A9C01D3',
  notBefore: '2025-12-01T00:00:00.000Z',
  notAfter: '2027-11-30T23:59:59.000Z',
  daysLeft: 372,
  sha256: '9d2c…',
};

@AdminController('certificates', 'certificates')
export class CertificatesController {
  constructor(private readonly status: CertificateOverview) {}

  @Get()
  @ApiOperation({ summary: "This access point's certificate: subject, issuer, validity and days until expiry" })
  @ApiOkResponse(
    jsonResponse(
      'Our certificate (the one that signs) with its chain',
      z.object({
        stage: z.enum(['dev', 'test', 'production']),
        certificate: certificateSchema,
        chain: z.array(certificateSchema),
        expiresSoon: z.boolean(),
        expiryWarningDays: z.number(),
      }),
      { stage: 'test', certificate: certExample, chain: [], expiresSoon: false, expiryWarningDays: 30 },
    ),
  )
  ours() {
    return this.status.ours();
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
    return this.status.trustStore();
  }
}
