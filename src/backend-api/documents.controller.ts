import { Get, Headers, HttpStatus, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AdminRequest } from '../admin/auth/admin-request.js';
import type { ApiKeyRecord } from '../admin/auth/api-key-repository.js';
import { ApiInvalidParameters } from '../admin/http/admin-controller.js';
import { cursorParam, encodeCursor } from '../admin/http/cursor.js';
import { jsonResponse, problemResponse } from '../admin/http/openapi-parts.js';
import { isoDateTimeParam, uuidParam } from '../admin/http/params.js';
import { invalid, notFound, PROBLEM_TYPES, ProblemException } from '../admin/http/problem.js';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { IDENTIFIER_SCHEMES, TRANSACTIONS } from '../peppol/index.js';
import { OutboundAttempts } from '../outbound/outbound-attempts.js';
import { BlobStore } from '../storage/blob-store.js';
import { backendApiConfig, type BackendApiConfig } from './backend-api.config.js';
import { openBusinessContent } from './document-content.js';
import { DocumentSubmissions } from './document-submissions.js';
import { documentExample, documentPath, documentSchema, documentView, documentWithTimeline, documentWithTimelineSchema } from './document-views.js';
import { BackendApiController } from './http/backend-controller.js';
import { problemContent, problemExample } from './http/problem-docs.js';
import { readXmlBody, XML_MEDIA_TYPES } from './http/xml-body.js';

const participantQuery = z.string().trim().max(140).optional();
const submitQuery = z.object({
  sender: participantQuery.meta({ description: 'Sending participant (C1), instead of the EndpointID of the document\'s sending party' }),
  receiver: participantQuery.meta({ description: 'Receiving participant (C4), instead of the EndpointID of the document\'s receiving party' }),
  documentType: z.string().trim().max(500).optional().meta({ description: `Document type id (\`${IDENTIFIER_SCHEMES.documentType}::…\` or its value), instead of the one the CustomizationID implies` }),
  process: z.string().trim().max(300).optional().meta({ description: 'Process id, instead of the document\'s ProfileID' }),
  country: z.string().trim().regex(/^[A-Za-z0-9]{2}$/, { message: 'expected two letters' }).optional().meta({ description: 'COUNTRY_C1 of the sender for the SBDH, when its identifier scheme names none' }),
});
const listQuery = z.object({
  direction: z.enum(['inbound', 'outbound']).meta({ description: 'inbound: received for your participants; outbound: sent by them' }),
  since: isoDateTimeParam.optional().meta({ description: 'Only documents recorded at or after this time' }),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const acceptedSchema = z.object({ id: z.uuid(), status: z.string(), statusUrl: z.string(), repeated: z.boolean(), handedOverAs: z.uuid().optional() }).meta({ id: 'SubmittedDocument' });
const ORDER_EXAMPLE = '<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" xmlns:cac="…" xmlns:cbc="…">\n  <cbc:CustomizationID>…</cbc:CustomizationID>\n  …\n</Order>';
const ruleSchema = { type: 'array', items: { type: 'object', required: ['id', 'flag', 'message', 'location'], properties: { id: { type: 'string' }, flag: { enum: ['fatal', 'warning', 'information'] }, message: { type: 'string' }, location: { type: 'string', example: '/Order/cac:OrderLine[2]/cbc:ID' } } } };

/** The key's document, or 404 (none) / 403 (one of another participant's). */
export function scoped(key: ApiKeyRecord, record: MessageRecord | null, id: string): MessageRecord {
  if (!record) throw notFound(`no document ${id}`);
  const own = record.direction === 'outbound' ? record.senderId : record.receiverId;
  if (!own || !key.participants.includes(own)) {
    throw new ProblemException(HttpStatus.FORBIDDEN, `document ${id} belongs to another participant; key ${key.id} acts for ${key.participants.join(', ')}`, { type: PROBLEM_TYPES.forbidden, title: 'Forbidden' });
  }
  return record;
}

@BackendApiController('documents')
export class DocumentsController {
  constructor(
    private readonly submissions: DocumentSubmissions,
    private readonly messages: MessageRepository,
    private readonly attempts: OutboundAttempts,
    private readonly blobs: BlobStore,
    @Inject(backendApiConfig.KEY) private readonly cfg: BackendApiConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Submit a UBL document: validated, then sent over AS4 (or handed to a receiver served here)',
    description:
      'The body is the UBL document (XML, UTF-8) exactly as it is to be sent. Sender, receiver, document type and process come from the document (the EndpointIDs of its parties, CustomizationID, ProfileID); the query can replace each. ' +
      'The document is validated against the official Peppol BIS rules before anything is stored: a fatal rule is a 422 listing every rule that fired. Accepted documents are recorded and queued for sending (SML/SMP discovery, AS4, signed receipt); ' +
      'when the receiver is served by this access point too, the document is handed over as a received message instead. With `Idempotency-Key`, the same key and body give the same message again (200); the same key with another body is a 409.',
  })
  @ApiConsumes(...XML_MEDIA_TYPES)
  @ApiBody({ description: 'The UBL document', schema: { type: 'string' }, examples: { order: { summary: 'A Peppol BIS Order (T01)', value: ORDER_EXAMPLE } } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 printable ASCII characters; one per document you mean to send' })
  @ApiAcceptedResponse({ ...jsonResponse('Accepted and queued; `Location` is the status URL', acceptedSchema, { id: documentExample.id, status: 'sending', statusUrl: documentExample.links.self, repeated: false }) })
  @ApiOkResponse(jsonResponse('The same Idempotency-Key and body as an earlier request: that message', acceptedSchema, { id: documentExample.id, status: 'sent', statusUrl: documentExample.links.self, repeated: true }))
  @ApiResponse({ status: 403, ...problemResponse('The key does not act for the sender', 403) })
  @ApiConflictResponse(problemResponse('The Idempotency-Key was used for another request', 409))
  @ApiResponse({ status: 413, description: 'The document is larger than BACKEND_API_MAX_DOCUMENT_BYTES', content: problemContent(problemExample(413, PROBLEM_TYPES.tooLarge, 'Content too large', 'the document is larger than 10485760 bytes (BACKEND_API_MAX_DOCUMENT_BYTES)')) })
  @ApiResponse({ status: 415, description: 'The Content-Type is not application/xml or text/xml', content: problemContent(problemExample(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', 'send the UBL document as application/xml or text/xml, not application/json')) })
  @ApiUnprocessableEntityResponse({
    description: 'Not a document this access point can send (unknown customization, no sender, process not of the transaction) or it breaks fatal rules: `rules` lists each fired rule',
    content: problemContent(
      problemExample(422, PROBLEM_TYPES.invalidDocument, 'Invalid document', 'the T01 Order breaks 1 fatal rule(s) (PEPPOL-T01-R003); nothing was stored or sent', {
        transaction: TRANSACTIONS.order.id,
        release: '2025.11',
        rules: [{ id: 'PEPPOL-T01-R003', flag: 'fatal', message: 'Each order line SHALL have a document line identifier that is unique within the order.', location: '/Order/cac:OrderLine[2]/cac:LineItem' }],
      }),
      { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { transaction: { type: 'string' }, release: { type: 'string' }, rules: ruleSchema } }] },
    ),
  })
  @ApiInvalidParameters()
  async submit(
    @Query({ schema: submitQuery }) query: z.output<typeof submitQuery>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: AdminRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      req.resume();
      throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'header', field: 'Idempotency-Key', message: 'expected 1 to 255 printable ASCII characters' }]);
    }
    const body = await readXmlBody(req as Request, this.cfg.maxDocumentBytes);
    const key = req.adminKey!;
    const submitted = await this.submissions.submit(key, { body, overrides: query, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) });
    const view = documentView(submitted.message);
    req.audit = { target: `message:${submitted.message.id}`, after: { status: view.status, repeated: submitted.repeated } };
    res.status(submitted.repeated ? HttpStatus.OK : HttpStatus.ACCEPTED).setHeader('Location', documentPath(submitted.message.id));
    return { id: submitted.message.id, status: view.status, statusUrl: documentPath(submitted.message.id), repeated: submitted.repeated, ...(submitted.inboundMessageId ? { handedOverAs: submitted.inboundMessageId } : {}) };
  }

  @Get()
  @ApiOperation({ summary: 'Your documents, oldest first, for back ends that poll: pass `nextCursor` as `cursor` until it is null, and again later' })
  @ApiOkResponse(jsonResponse('A page of documents', z.object({ data: z.array(documentSchema), nextCursor: z.string().nullable() }), { data: [documentExample], nextCursor: null }))
  @ApiInvalidParameters()
  async list(@Query({ schema: listQuery }) query: z.output<typeof listQuery>, @Req() req: AdminRequest) {
    const limit = query.limit ?? this.cfg.pageSize;
    const rows = await this.messages.forParticipants({ participants: req.adminKey!.participants, direction: query.direction, since: query.since, after: query.cursor, limit });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { data: page.map((r) => documentView(r.record)), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.record.id }) : null };
  }

  @Get(':id')
  @ApiOperation({ summary: "A document's state and timeline: queued, sent with the receipt's MessageId, send-failed with the ebMS code, the Message Level Status when known" })
  @ApiOkResponse(jsonResponse('The document', documentWithTimelineSchema, { ...documentExample, timeline: [{ at: '2026-12-01T10:15:00.000Z', state: 'created', from: null, event: 'queued', reason: 'submitted through the back-end API' }, { at: '2026-12-01T10:15:02.000Z', state: 'sent', from: 'sending', event: 'sent', reason: 'receipt …', receiptMessageId: documentExample.receiptMessageId }], attempts: 1 }))
  @ApiResponse({ status: 403, ...problemResponse('The document belongs to another participant', 403) })
  @ApiNotFoundResponse(problemResponse('No such document', 404))
  @ApiInvalidParameters()
  async get(@Param('id', { schema: uuidParam }) id: string, @Req() req: AdminRequest) {
    const record = scoped(req.adminKey!, await this.messages.find(id), id);
    const [timeline, attempts] = await Promise.all([this.messages.timeline(id), record.direction === 'outbound' ? this.attempts.forMessage(id) : Promise.resolve([])]);
    return documentWithTimeline(record, timeline, attempts);
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'The UBL document itself, byte for byte as submitted or received' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The document', content: { 'application/xml': { schema: { type: 'string' }, example: ORDER_EXAMPLE } } })
  @ApiResponse({ status: 403, ...problemResponse('The document belongs to another participant', 403) })
  @ApiNotFoundResponse(problemResponse('No such document, or it has no stored content', 404))
  @ApiInvalidParameters()
  async content(@Param('id', { schema: uuidParam }) id: string, @Req() req: AdminRequest, @Res({ passthrough: true }) res: Response) {
    scoped(req.adminKey!, await this.messages.find(id), id);
    const content = await openBusinessContent(this.messages, this.blobs, id);
    if (!content) throw notFound(`document ${id} has no stored content`);
    res.setHeader('Content-Type', 'application/xml');
    res.setHeader('Content-Disposition', `attachment; filename="${id}.xml"`);
    return new StreamableFile(Readable.from(content.stream), content.size !== undefined ? { length: content.size } : {});
  }
}
