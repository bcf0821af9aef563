import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { MlsServiceLevels } from '../../mls/mls-service-levels.js';
import { qualifiedDocumentTypeId, TRANSACTIONS } from '../../peppol/index.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

const awaitingSchema = z.object({
  messageId: z.string(),
  instanceIdentifier: z.string().nullable(),
  receiverId: z.string().nullable(),
  documentTypeId: z.string().nullable(),
  requested: z.object({ to: z.string(), type: z.string() }).nullable(),
  sentAt: z.iso.datetime(),
  overdueMinutes: z.number(),
});
const owedSchema = z.object({
  messageId: z.string(),
  instanceIdentifier: z.string().nullable(),
  sendingAp: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  overdueMinutes: z.number(),
  code: z.string().nullable(),
  outcome: z.string().nullable().describe('owed: being sent (see statusState); unaddressable or invalid: cannot be sent as things stand (see note)'),
  statusMessageId: z.string().nullable(),
  statusState: z.string().nullable(),
  note: z.string().nullable(),
});
const viewSchema = z.object({
  now: z.iso.datetime(),
  awaiting: z.object({ limitMinutes: z.number(), items: z.array(awaitingSchema) }).describe('Sent documents (MLS_TYPE ALWAYS_SEND) without a status past MLS_RECEIVE_LIMIT_MINUTES'),
  owed: z.object({ limitMinutes: z.number(), items: z.array(owedSchema) }).describe('Received documents whose status we owe and have not sent past MLS_SEND_LIMIT_MINUTES'),
});
const example = {
  now: '2026-11-23T11:00:00.000Z',
  awaiting: {
    limitMinutes: 25,
    items: [
      {
        messageId: '6c1f2a0e-8a3b-4f0c-9d3e-2b7a1c5d4e6f',
        instanceIdentifier: '0f3e1c2a-5b6d-4e7f-8a9b-1c2d3e4f5a6b',
        receiverId: '0192:810418052',
        documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId),
        requested: { to: '0242:000306', type: 'ALWAYS_SEND' },
        sentAt: '2026-11-23T10:20:00.000Z',
        overdueMinutes: 15,
      },
    ],
  },
  owed: {
    limitMinutes: 20,
    items: [
      {
        messageId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        instanceIdentifier: '3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a',
        sendingAp: 'POP000123',
        receivedAt: '2026-11-23T10:30:00.000Z',
        overdueMinutes: 10,
        code: 'RE',
        outcome: 'owed',
        statusMessageId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        statusState: 'send-failed',
        note: null,
      },
    ],
  },
};

@AdminController('mls', 'message level status')
export class MlsController {
  constructor(private readonly levels: MlsServiceLevels) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Message Level Status past its service level: sent documents still waiting for their status, received documents whose status we still owe',
  })
  @ApiOkResponse(jsonResponse('Both lists, oldest first', viewSchema, example))
  @ApiInvalidParameters()
  async overdue(@Query({ schema: query }) q: z.output<typeof query>) {
    return this.levels.view(q.limit);
  }
}
