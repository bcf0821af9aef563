import { Get, HttpCode, HttpStatus, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { TRANSACTIONS } from '../../peppol/index.js';
import { PeriodRefusedError, ReportInvalidError, ReportingService, type PeriodView } from '../../reporting/reporting.service.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { conflict, notFound, ProblemException, PROBLEM_TYPES } from '../http/problem.js';

const TSR = TRANSACTIONS.transactionStatisticsReport;
const periodParam = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { message: 'expected a period YYYY-MM, e.g. 2026-01' });
const reportParam = z.enum(['tsr', 'eusr']);

const failureSchema = z.object({ stage: z.string(), code: z.string(), message: z.string() }).nullable();
const sentReportSchema = z
  .object({
    messageId: z.string(),
    state: z.string().describe('the outbound message: sending, sent (receipt verified), send-failed'),
    as4MessageId: z.string().nullable(),
    receivingAp: z.string().nullable(),
    receiptSha256: z.string().nullable().describe('the signed receipt, downloadable from /admin/messages/{messageId}/documents/receipt'),
    sentAt: z.string().nullable(),
    failure: failureSchema,
  })
  .nullable();
const viewSchema = z.object({
  period: z.string(),
  state: z.enum(['open', 'unsent', 'invalid', 'sending', 'sent', 'send-failed']),
  sends: z.number().describe('how many times reports of the period were handed over; the latest replaces the earlier'),
  requestedBy: z.string().nullable(),
  sentAt: z.string().nullable(),
  counts: z
    .object({ incoming: z.number(), outgoing: z.number(), sendingEndUsers: z.number(), receivingEndUsers: z.number(), sendingOrReceivingEndUsers: z.number() })
    .nullable(),
  tsr: sentReportSchema,
  eusr: sentReportSchema,
  failure: failureSchema.describe('why the last try stopped before sending'),
});
const exampleView: PeriodView = {
  period: '2026-10',
  state: 'sent',
  sends: 1,
  requestedBy: 'schedule',
  sentAt: '2026-11-02T03:00:04.000Z',
  counts: { incoming: 1250, outgoing: 980, sendingEndUsers: 12, receivingEndUsers: 40, sendingOrReceivingEndUsers: 47 },
  tsr: { messageId: '6c1f2a0e-8a3b-4f0c-9d3e-2b7a1c5d4e6f', state: 'sent', as4MessageId: '0f3e1c2a-5b6d-4e7f-8a9b-1c2d3e4f5a6b@ap.example', receivingAp: 'PBE000001', receiptSha256: 'c0ffee', sentAt: '2026-11-02T03:00:03.000Z', failure: null },
  eusr: { messageId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', state: 'sent', as4MessageId: '3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a@ap.example', receivingAp: 'PBE000001', receiptSha256: 'c0ffee', sentAt: '2026-11-02T03:00:04.000Z', failure: null },
  failure: null,
};

/** The reporting service's refusals as problem+json. */
function problemOf(error: unknown): never {
  if (error instanceof PeriodRefusedError) {
    if (error.code === 'period-future') throw notFound(error.message);
    if (error.code === 'period-open') throw conflict(error.message);
    throw new ProblemException(HttpStatus.BAD_REQUEST, error.message, { type: PROBLEM_TYPES.validation, title: 'Invalid request' });
  }
  if (error instanceof ReportInvalidError) throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, error.message, { type: PROBLEM_TYPES.reportInvalid, title: 'Report fails its rules' });
  throw error;
}

@AdminController('reporting', 'peppol reporting')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('periods')
  @ApiOperation({ summary: 'Reporting periods (calendar months, UTC), newest first: counts, state, when sent, the receipts of the latest TSR and EUSR' })
  @ApiOkResponse(jsonResponse('The current and previous month and every period with reports', z.object({ data: z.array(viewSchema) }), { data: [exampleView] }))
  async list() {
    return { data: await this.reporting.list() };
  }

  @Get('periods/:period')
  @ApiOperation({ summary: "A period's summary: its state, and the TSR and EUSR figures (as sent, or built now from the transmissions recorded so far)" })
  @ApiOkResponse(jsonResponse('The period', viewSchema.extend({ summary: z.object({ source: z.enum(['sent', 'generated']), tsr: z.unknown(), eusr: z.unknown() }) }), { ...exampleView, summary: { source: 'sent', tsr: {}, eusr: {} } }))
  @ApiNotFoundResponse(problemResponse('The period has not started yet', 404))
  @ApiInvalidParameters()
  async get(@Param('period', { schema: periodParam }) period: string) {
    return this.reporting.summary(period).catch(problemOf);
  }

  @Get('periods/:period/:report')
  @ApiOperation({ summary: 'The TSR or EUSR of a period as XML: as last sent, else generated now (an open or unsent period)' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The report', content: { 'application/xml': { schema: { type: 'string' }, example: `<?xml version="1.0" encoding="UTF-8"?>\n<${TSR.rootName} xmlns="${TSR.rootNamespace}">…</${TSR.rootName}>` } } })
  @ApiNotFoundResponse(problemResponse('The period has not started yet', 404))
  @ApiInvalidParameters()
  async report(@Param('period', { schema: periodParam }) period: string, @Param('report', { schema: reportParam }) report: 'tsr' | 'eusr', @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { xml, source } = await this.reporting.reportXml(period, report).catch(problemOf);
    res.setHeader('Content-Type', 'application/xml');
    res.setHeader('Content-Disposition', `attachment; filename="${report}-${period}.xml"`);
    res.setHeader('X-Report-Source', source);
    return new StreamableFile(xml);
  }

  @Post('periods/:period/send')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({
    summary: 'Send the TSR and EUSR of a closed period (again): built now, checked against the official rules, sent to OpenPeppol; the latest send replaces the earlier one',
  })
  @ApiOkResponse(jsonResponse('The period with its new reports being sent', viewSchema, { ...exampleView, state: 'sending', sends: 2, requestedBy: 'api-key:3f9c0a1b2c3d' }))
  @ApiNotFoundResponse(problemResponse('The period has not started yet', 404))
  @ApiConflictResponse(problemResponse('The period is still running', 409))
  @ApiUnprocessableEntityResponse(problemResponse('A report fails its official rules: nothing is sent', 422))
  @ApiInvalidParameters()
  async send(@Param('period', { schema: periodParam }) period: string, @Req() req: AdminRequest) {
    req.audit = { target: `reporting-period:${period}` };
    const outcome = await this.reporting.send(period, { requestedBy: `api-key:${req.adminKey!.id}`, resend: true }).catch(problemOf);
    req.audit.after = { sends: outcome.view.sends, tsr: outcome.view.tsr?.messageId, eusr: outcome.view.eusr?.messageId };
    return outcome.view;
  }
}
