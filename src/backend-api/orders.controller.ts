import { Body, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiInternalServerErrorResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { AdminRequest } from '../admin/auth/admin-request.js';
import { ApiInvalidParameters } from '../admin/http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../admin/http/openapi-parts.js';
import { uuidParam } from '../admin/http/params.js';
import { ANSWER_CODES } from '../ordering/order-response-builder.js';
import { PROBLEM_TYPES } from '../admin/http/problem.js';
import { problemContent } from './http/problem-docs.js';
import { documentPath } from './document-views.js';
import { BackendApiController } from './http/backend-controller.js';
import { OrderResponses } from './order-responses.js';

const decimal = z.union([z.string().max(40), z.number()]);
const answerBody = z.object({
  code: z.enum(ANSWER_CODES).meta({ description: 'accepted (AP), rejected (RE) or changed (CA: decided line by line)' }),
  note: z.string().max(2_000).optional().meta({ description: 'Why, for the buyer (e.g. the reason of a rejection)' }),
  lines: z
    .array(
      z.object({
        lineId: z.string().min(1).max(200).meta({ description: 'The order line (cac:LineItem/cbc:ID)' }),
        code: z.enum(ANSWER_CODES),
        quantity: decimal.optional().meta({ description: 'changed: the quantity you will deliver, in the ordered unit (a decimal, best as a string)' }),
        price: decimal.optional().meta({ description: 'changed: the new price per price base quantity, in the order currency' }),
        deliveryDate: z.string().max(10).optional().meta({ description: 'changed: the promised delivery date, YYYY-MM-DD' }),
      }),
    )
    .max(10_000)
    .optional()
    .meta({ description: 'With changed: the lines that differ from the order; lines left out are accepted as ordered' }),
});
const answeredSchema = z
  .object({
    id: z.uuid().meta({ description: 'The Order Response message (a document of yours, outbound)' }),
    orderMessageId: z.uuid(),
    responseCode: z.enum(['AP', 'RE', 'CA']),
    lines: z.array(z.object({ lineId: z.string(), status: z.string(), quantity: z.string().optional(), price: z.string().optional(), deliveryDate: z.string().optional() })),
    status: z.string(),
    statusUrl: z.string(),
  })
  .meta({ id: 'OrderAnswered' });

@BackendApiController('orders')
export class OrdersController {
  constructor(private readonly responses: OrderResponses) {}

  @Post(':messageId/response')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Answer a received order (process ordering:3) with an Order Response (T76), sent to the buyer',
    description:
      'The access point writes the T76 from the order and your answer (parties, currency, items and units from the order; your quantities and prices exactly as given), checks it against the official T76 rules, and sends it to the buyer like any submitted document. ' +
      'An order is answered once; again only when the earlier answer failed to send. Orders of process order_only:3 expect no response (409).',
  })
  @ApiBody(jsonBody('The answer', answerBody, { code: 'changed', note: 'Line 2: only 10 in stock', lines: [{ lineId: '2', code: 'changed', quantity: '10' }] }))
  @ApiAcceptedResponse({ ...jsonResponse('The order response, queued for sending', answeredSchema, { id: '6a1f2e3d-4c5b-4a69-8877-665544332211', orderMessageId: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49', responseCode: 'CA', lines: [{ lineId: '1', status: '5' }, { lineId: '2', status: '3', quantity: '10' }], status: 'sending', statusUrl: '/api/v1/documents/6a1f2e3d-4c5b-4a69-8877-665544332211' }) })
  @ApiResponse({ status: 403, ...problemResponse('The order is addressed to another participant', 403) })
  @ApiNotFoundResponse(problemResponse('No received order with that id', 404))
  @ApiConflictResponse(problemResponse('Already answered, not validated yet, rejected as invalid, or of a process without order responses (order_only:3)', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The answer does not fit the order (unknown line, a changed line without change, …); `errors` names the field', 422))
  @ApiInternalServerErrorResponse({
    description: 'The order response made breaks the official T76 rules: a defect of the access point; `rules` lists them, nothing was sent',
    content: problemContent({
      type: PROBLEM_TYPES.producedInvalid,
      title: 'Produced document invalid',
      status: 500,
      detail: 'the order response made for order 0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49 breaks the official T76 rules; this is a defect of the access point, nothing was sent',
      instance: '/api/v1/orders/0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49/response',
      correlationId: '5b0e8e0e-0d55-4c8e-bb0e-7d3f0a6c9f10',
      rules: [{ id: 'PEPPOL-T76-R008', flag: 'fatal', message: 'An order response with code AP (Accepted) should NOT provide order lines.', location: '/OrderResponse/cbc:OrderResponseCode' }],
    }),
  })
  @ApiInvalidParameters()
  async answer(@Param('messageId', { schema: uuidParam }) messageId: string, @Body({ schema: answerBody }) body: z.output<typeof answerBody>, @Req() req: AdminRequest, @Res({ passthrough: true }) res: Response) {
    req.audit = { target: `message:${messageId}`, before: null };
    const answered = await this.responses.answer(req.adminKey!, messageId, body);
    req.audit.after = { answer: body.code, responseCode: answered.response.code, orderResponseMessageId: answered.message.id };
    res.setHeader('Location', documentPath(answered.message.id));
    return {
      id: answered.message.id,
      orderMessageId: messageId,
      responseCode: answered.response.code,
      lines: answered.response.lines,
      status: answered.message.state === 'created' ? 'queued' : answered.message.state,
      statusUrl: documentPath(answered.message.id),
    };
  }
}

@BackendApiController('me')
export class BackendKeyController {
  @Get()
  @ApiOperation({ summary: 'The key this request was made with and the participants it acts for' })
  @ApiOkResponse(jsonResponse('Your key', z.object({ id: z.string(), label: z.string(), participants: z.array(z.string()) }), { id: '3f9c0a1b2c3d', label: 'supplier OMS', participants: ['0088:7315458756324'] }))
  me(@Req() req: AdminRequest) {
    const key = req.adminKey!;
    return { id: key.id, label: key.label, participants: key.participants };
  }
}
