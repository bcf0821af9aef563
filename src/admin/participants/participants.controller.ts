import { Body, Delete, Get, HttpCode, HttpStatus, Param, Put, Req } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { ParticipantRepository } from '../../participants/participant-repository.js';
import { PROCESSES, qualifiedDocumentTypeId, qualifiedProcessId, TransactionRegistry, TRANSACTIONS } from '../../peppol/index.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { participantParam } from '../http/params.js';
import { notFound } from '../http/problem.js';

const documentTypeSchema = z.object({
  documentTypeId: z.string(),
  processId: z.string(),
  transaction: z.string().nullable().meta({ description: 'Peppol BIS transaction (T01, T77, …) when known' }),
});
const participantSchema = z.object({ id: z.string(), name: z.string(), enabled: z.boolean(), documents: z.array(documentTypeSchema) }).meta({ id: 'Participant' });

const example = {
  id: '0088:7315458756324',
  name: 'Buyer Org',
  enabled: true,
  documents: [
    {
      documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId),
      processId: qualifiedProcessId(PROCESSES.ordering),
      transaction: TRANSACTIONS.order.id,
    },
  ],
};

const identifier = z.string().min(3).max(1_024).regex(/^[^\s:]+::\S+$/, { message: 'expected scheme::value' });
const upsertBody = z.object({
  name: z.string().max(256).optional(),
  enabled: z.boolean().optional(),
  documents: z
    .array(z.object({ documentTypeId: identifier, processId: identifier }))
    .max(200)
    .optional()
    .meta({ description: 'Accepted (document type, process) pairs; omitted = every transaction this access point processes' }),
});

@AdminController('participants', 'participants')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly transactions: TransactionRegistry,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Participants this access point serves, with the document types they accept' })
  @ApiOkResponse(jsonResponse('Every served participant', z.object({ data: z.array(participantSchema) }), { data: [example] }))
  async list() {
    return { data: (await this.participants.list()).map((p) => this.view(p)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One served participant' })
  @ApiOkResponse(jsonResponse('The participant', participantSchema, example))
  @ApiNotFoundResponse(problemResponse('Not a participant we serve', 404))
  @ApiInvalidParameters()
  async one(@Param('id', { schema: participantParam }) id: string) {
    const found = await this.participants.get(id);
    if (!found) throw notFound(`participant ${id} is not served here`);
    return this.view(found);
  }

  @Get(':id/document-types')
  @ApiOperation({ summary: 'Document types (with process) a served participant accepts' })
  @ApiOkResponse(jsonResponse('Accepted document types', z.object({ data: z.array(documentTypeSchema) }), { data: example.documents }))
  @ApiNotFoundResponse(problemResponse('Not a participant we serve', 404))
  @ApiInvalidParameters()
  async documentTypes(@Param('id', { schema: participantParam }) id: string) {
    const found = await this.participants.get(id);
    if (!found) throw notFound(`participant ${id} is not served here`);
    return { data: this.view(found).documents };
  }

  @Put(':id')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Serve a participant, or change one: name, enabled, accepted document types' })
  @ApiBody(jsonBody('What to set', upsertBody, { name: 'Buyer Org', enabled: true }))
  @ApiOkResponse(jsonResponse('The participant as now served', participantSchema, example))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid; `errors` names the field', 422))
  @ApiInvalidParameters()
  async upsert(@Param('id', { schema: participantParam }) id: string, @Body({ schema: upsertBody }) body: z.output<typeof upsertBody>, @Req() req: AdminRequest) {
    const before = await this.participants.get(id);
    const documents = body.documents ?? (before ? before.documents : this.transactions.acceptedDocuments());
    const after = await this.participants.upsert(id, { name: body.name ?? before?.name, enabled: body.enabled ?? before?.enabled ?? true, documents });
    req.audit = { target: `participant:${id}`, before, after };
    return this.view(after);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Stop serving a participant (its messages stay)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse(problemResponse('Not a participant we serve', 404))
  @ApiInvalidParameters()
  async remove(@Param('id', { schema: participantParam }) id: string, @Req() req: AdminRequest) {
    const before = await this.participants.get(id);
    if (!before) throw notFound(`participant ${id} is not served here`);
    req.audit = { target: `participant:${id}`, before, after: null };
    await this.participants.remove(id);
  }

  private view(p: { id: string; name: string; enabled: boolean; documents: Array<{ documentTypeId: string; processId: string }> }) {
    return { ...p, documents: p.documents.map((d) => ({ ...d, transaction: this.transactions.forDocumentType(d.documentTypeId)?.id ?? null })) };
  }
}
