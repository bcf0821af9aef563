import { Body, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { DeliveryRepository } from '../../delivery/deliveries/delivery-repository.js';
import type { Response } from 'express';
import { z } from 'zod';
import { MessageRepository } from '../../messages/message-repository.js';
import { MESSAGE_STATES } from '../../messages/message-states.js';
import { TRANSACTIONS } from '../../peppol/index.js';
import { BlobStore } from '../../storage/blob-store.js';
import { adminConfig, type AdminConfig } from '../admin.config.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { deliveryExample, deliverySchema, deliveryView } from '../delivery/delivery-views.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { cursorParam, pageOf } from '../http/cursor.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { documentRoleParam, isoDateTimeParam, participantParam, uuidParam } from '../http/params.js';
import { invalid, notFound, ProblemException } from '../http/problem.js';
import { downloadMediaType, downloadName } from './downloads.js';
import { MessageSearch } from './message-search.js';
import { REPROCESS_STAGES, Reprocessor } from './reprocess.js';
import {
  detailOf,
  documentSchema,
  failureSchema,
  documentView,
  messageDetailExample,
  messageDetailSchema,
  messagePageSchema,
  messageSummarySchema,
  messageSummaryExample,
  summaryOf,
} from './message-views.js';
import { groupRules } from '../../validation/report-groups.js';
import type { FiredRule } from '../../validation/validation-report.js';

// The hard ceiling of any page; ADMIN_PAGE_SIZE_MAX (at most this) is the configured one.
const PAGE_CEILING = 1_000;

export const messageListQuery = z.object({
  direction: z.enum(['inbound', 'outbound', 'internal']).optional(),
  state: z.enum(MESSAGE_STATES).optional(),
  kind: z.string().regex(/^[a-z][a-z-]{0,39}$/, { message: 'expected a kind like cart or order' }).optional().meta({ description: 'cart, catalogue, order, …' }),
  sender: participantParam.optional().meta({ description: 'Sender participant id (C1), e.g. 0088:5798009883964' }),
  receiver: participantParam.optional().meta({ description: 'Receiver participant id (C4)' }),
  documentType: z.string().min(1).max(1_024).optional().meta({ description: 'Exact document type id, scheme::value' }),
  from: isoDateTimeParam.optional().meta({ description: 'Created at or after (ISO 8601)' }),
  to: isoDateTimeParam.optional().meta({ description: 'Created before (ISO 8601)' }),
  q: z.string().min(1).max(4_096).optional().meta({ description: 'Text contained in the message id, AS4 message id, conversation id, SBDH instance id, order number or cart id' }),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_CEILING).optional().meta({ description: 'Items per page (default and maximum configurable)' }),
});

const exampleId = messageSummaryExample.id;
const reprocessBody = z.object({ stage: z.enum(REPROCESS_STAGES) });

@AdminController('messages', 'messages')
export class MessagesController {
  constructor(
    private readonly search: MessageSearch,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly deliveries: DeliveryRepository,
    private readonly reprocessor: Reprocessor,
    @Inject(adminConfig.KEY) private readonly cfg: AdminConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List messages, newest first', description: 'Filters combine with AND. Page with `cursor` = the previous `nextCursor`.' })
  @ApiOkResponse(jsonResponse('A page of messages', messagePageSchema, { data: [messageSummaryExample], nextCursor: 'WyIyMDI2LTExLTIzVDEwOjE1OjAwLjAwMDAwMFoiLCIwYjdlIl0' }))
  @ApiInvalidParameters()
  async list(@Query({ schema: messageListQuery }) query: z.output<typeof messageListQuery>) {
    const limit = query.limit ?? this.cfg.pageSizeDefault;
    if (limit > this.cfg.pageSizeMax) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'limit', message: `at most ${this.cfg.pageSizeMax}` }]);
    if (query.q && query.q.length > this.cfg.filterMaxChars) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'q', message: `at most ${this.cfg.filterMaxChars} characters` }]);
    if (query.cursor && !uuidParam.safeParse(query.cursor.id).success) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'cursor', message: 'not a cursor of this list' }]);
    const rows = await this.search.search({ ...query, after: query.cursor, limit });
    return pageOf(rows, limit, (r) => summaryOf(r.record), (r) => r.position);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with its full timeline and documents' })
  @ApiOkResponse(jsonResponse('The message', messageDetailSchema, messageDetailExample))
  @ApiNotFoundResponse(problemResponse('No such message', 404))
  @ApiInvalidParameters()
  async detail(@Param('id', { schema: uuidParam }) id: string) {
    const message = await this.messages.find(id);
    if (!message) throw notFound(`no message ${id}`);
    return detailOf(message, await this.messages.timeline(id), await this.messages.documents(id));
  }

  @Get(':id/validation')
  @ApiOperation({ summary: 'The validation report of a message (UBL schema and Peppol BIS rules)' })
  @ApiOkResponse(
    jsonResponse(
      'The report as recorded when the message was validated, and its fired rules grouped (one entry per rule, with every place it fired as a short path)',
      z.object({
        messageId: z.uuid(),
        report: z.unknown(),
        groups: z.array(z.object({ id: z.string(), flag: z.enum(['fatal', 'warning', 'information']), text: z.string(), locations: z.array(z.string()) })),
      }),
      {
        messageId: exampleId,
        report: { transaction: TRANSACTIONS.punchOut.id, valid: true, fired: [{ id: 'PEPPOL-T77-R012', flag: 'warning', location: '/ubl:Order[1]', text: 'A note' }], release: '2025.11' },
        groups: [{ id: 'PEPPOL-T77-R012', flag: 'warning', text: 'A note', locations: ['/Order'] }],
      },
    ),
  )
  @ApiNotFoundResponse(problemResponse('No such message, or it has not been validated', 404))
  @ApiInvalidParameters()
  async validation(@Param('id', { schema: uuidParam }) id: string) {
    const message = await this.messages.find(id);
    if (!message) throw notFound(`no message ${id}`);
    if (message.validation == null) throw notFound(`message ${id} has no validation report (state ${message.state})`);
    const fired = (message.validation as { fired?: FiredRule[] }).fired ?? [];
    return { messageId: id, report: message.validation, groups: groupRules(fired) };
  }

  @Get(':id/outcome')
  @ApiOperation({ summary: 'Receipt or error of a message: the signal document if any, and the recorded failure' })
  @ApiOkResponse(
    jsonResponse(
      'What was answered to (or received from) the other access point, and why processing failed if it did',
      z.object({ messageId: z.uuid(), state: z.enum(MESSAGE_STATES), receipt: documentSchema.nullable(), failure: failureSchema.nullable() }),
      { messageId: exampleId, state: 'received', receipt: messageDetailExample.documents[2], failure: null },
    ),
  )
  @ApiNotFoundResponse(problemResponse('No such message', 404))
  @ApiInvalidParameters()
  async outcome(@Param('id', { schema: uuidParam }) id: string) {
    const message = await this.messages.find(id);
    if (!message) throw notFound(`no message ${id}`);
    const receipt = (await this.messages.documents(id)).find((d) => d.role === 'receipt');
    return { messageId: id, state: message.state, receipt: receipt ? documentView(id, receipt) : null, failure: message.failure };
  }

  @Get(':id/related')
  @ApiOperation({ summary: 'Related messages (cart → order → …) and the webhook deliveries about this message' })
  @ApiOkResponse(
    jsonResponse('Related messages, oldest first, and deliveries', z.object({ data: z.array(messageSummarySchema), deliveries: z.array(deliverySchema) }), {
      data: [{ ...messageSummaryExample, kind: 'order', direction: 'internal', state: 'created', relatedMessageId: exampleId }],
      deliveries: [deliveryExample],
    }),
  )
  @ApiNotFoundResponse(problemResponse('No such message', 404))
  @ApiInvalidParameters()
  async related(@Param('id', { schema: uuidParam }) id: string) {
    if (!(await this.messages.find(id))) throw notFound(`no message ${id}`);
    return { data: (await this.messages.related(id)).map(summaryOf), deliveries: (await this.deliveries.forMessage(id)).map(deliveryView) };
  }

  @Post(':id/reprocess')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({
    summary: 'Process a failed message again from a chosen stage',
    description: 'received = validate again; validated = route to its flow again; approved/changed = make the order again; created = deliver again.',
  })
  @ApiBody(jsonBody('The stage to start from', reprocessBody, { stage: 'validated' }))
  @ApiOkResponse(jsonResponse('The message, moved to the stage, and the job queued', z.object({ message: messageSummarySchema, job: z.object({ queue: z.string(), jobId: z.string() }) }), { message: { ...messageSummaryExample, state: 'validated' }, job: { queue: 'punchout', jobId: `punchout.run.${exampleId}` } }))
  @ApiNotFoundResponse(problemResponse('No such message', 404))
  @ApiConflictResponse(problemResponse('The message is not failed, or nothing processes it from that stage', 409))
  @ApiUnprocessableEntityResponse(problemResponse('Unknown stage', 422))
  @ApiInvalidParameters()
  async reprocess(@Param('id', { schema: uuidParam }) id: string, @Body({ schema: reprocessBody }) body: z.output<typeof reprocessBody>, @Req() req: AdminRequest) {
    const message = await this.messages.find(id);
    if (!message) throw notFound(`no message ${id}`);
    req.audit = { target: `message:${id}`, before: { state: message.state } };
    const { message: moved, job } = await this.reprocessor.reprocess(message, body.stage, `api-key:${req.adminKey!.id}`);
    req.audit.after = { state: moved.state, job: job.jobId };
    return { message: summaryOf(moved), job: { queue: job.queue, jobId: job.jobId } };
  }

  @Get(':id/documents')
  @ApiOperation({ summary: 'Documents stored for a message (as received, decrypted SBD, receipt, produced documents)' })
  @ApiOkResponse(jsonResponse('The documents with their download paths', z.object({ data: z.array(documentSchema) }), { data: messageDetailExample.documents }))
  @ApiNotFoundResponse(problemResponse('No such message', 404))
  @ApiInvalidParameters()
  async documents(@Param('id', { schema: uuidParam }) id: string) {
    if (!(await this.messages.find(id))) throw notFound(`no message ${id}`);
    return { data: (await this.messages.documents(id)).map((d) => documentView(id, d)) };
  }

  @Get(':id/documents/:role')
  @ApiOperation({
    summary: 'Download one document of a message, byte-exact',
    description:
      'Content types: `received-raw` as it arrived (its MIME type with boundary), `sbd` and produced business documents `application/xml`, `receipt` `application/soap+xml`.',
  })
  @ApiProduces('application/xml', 'application/soap+xml', 'multipart/related', 'application/octet-stream')
  @ApiOkResponse({
    description: 'The bytes',
    content: {
      'application/xml': { schema: { type: 'string' }, example: '<?xml version="1.0" encoding="UTF-8"?>\n<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">…</StandardBusinessDocument>' },
      'application/soap+xml': { schema: { type: 'string' }, example: '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">…<eb:Receipt>…</eb:Receipt>…</env:Envelope>' },
      'multipart/related': { schema: { type: 'string', format: 'binary' }, example: '--MIMEBoundary\r\nContent-Type: application/soap+xml\r\n\r\n…' },
    },
  })
  @ApiNotFoundResponse(problemResponse('No such message or no document of that role', 404))
  @ApiInvalidParameters()
  async download(
    @Param('id', { schema: uuidParam }) id: string,
    @Param('role', { schema: documentRoleParam }) role: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    if (!(await this.messages.find(id))) throw notFound(`no message ${id}`);
    const doc = (await this.messages.documents(id)).find((d) => d.role === role);
    if (!doc) throw notFound(`message ${id} has no ${role} document`);
    if (!(await this.blobs.has(doc.sha256))) {
      throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, `the stored bytes of the ${role} document of message ${id} are missing (sha256 ${doc.sha256})`);
    }
    res.setHeader('Content-Type', downloadMediaType(doc));
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename="${downloadName(id, doc)}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(this.blobs.open(doc.sha256));
  }
}
