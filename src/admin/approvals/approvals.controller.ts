import { Body, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { z } from 'zod';
import type { MessageRecord } from '../../messages/message-repository.js';
import { cartChangeSchema } from '../../punchout/cart-changes.js';
import { type PendingApproval } from '../../workflows/punchout/approval-store.js';
import { ApprovalService } from '../../workflows/punchout/approval.service.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { uuidParam } from '../http/params.js';
import { messageSummaryExample, messageSummarySchema, summaryOf } from '../messages/message-views.js';
import { cartPreviewExample, cartPreviewQuery, cartPreviewSchema } from './cart-preview-views.js';
import { CartPreviews } from './cart-previews.js';

const approvalSchema = z
  .object({
    messageId: z.uuid(),
    buyerId: z.string(),
    sellerId: z.string().nullable(),
    cartId: z.string(),
    currency: z.string().nullable(),
    netTotal: z.string().nullable().meta({ description: 'Decimal text' }),
    lineCount: z.number(),
    reasons: z.array(z.string()).meta({ description: 'Why the cart waits for a person' }),
    deadline: z.iso.datetime().meta({ description: 'Abandoned when undecided by then' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PendingApproval' });
const approvalExample = {
  messageId: messageSummaryExample.id,
  buyerId: '0088:7315458756324',
  sellerId: '0088:5798009883964',
  cartId: 'CART-2026-0042',
  currency: 'EUR',
  netTotal: '12480.00',
  lineCount: 3,
  reasons: ['net total 12480.00 EUR is above the approval limit of 10000.00 EUR'],
  deadline: '2026-11-30T10:15:00.000Z',
  createdAt: '2026-11-23T10:15:02.000Z',
};
const decidedExample = { ...messageSummaryExample, state: 'approved' };

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100).meta({ description: 'Items per page' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: 'Items to skip (oldest deadline first)' }),
});
const changesBody = z.object({ changes: z.array(cartChangeSchema).min(1).max(30_000) });
const rejectBody = z.object({ reason: z.string().trim().min(1).max(1_000) });

function view(a: PendingApproval) {
  return { ...a, deadline: a.deadline.toISOString(), createdAt: a.createdAt.toISOString() };
}

/** Who decided, as the cart's timeline shows it. */
const actorOf = (req: AdminRequest) => `api-key:${req.adminKey!.id}`;

@AdminController('approvals', 'approvals')
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly previews: CartPreviews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Carts awaiting a decision' })
  @ApiOkResponse(jsonResponse('Pending approvals', z.object({ data: z.array(approvalSchema) }), { data: [approvalExample] }))
  @ApiInvalidParameters()
  async list(@Query({ schema: listQuery }) q: z.output<typeof listQuery>) {
    return { data: (await this.approvals.listPending(q.limit, q.offset)).map(view) };
  }

  @Get(':messageId')
  @ApiOperation({ summary: 'The approval of one cart (its message id)' })
  @ApiOkResponse(jsonResponse('The approval', approvalSchema, approvalExample))
  @ApiNotFoundResponse(problemResponse('No approval for that cart', 404))
  @ApiInvalidParameters()
  async one(@Param('messageId', { schema: uuidParam }) id: string) {
    return view(await this.approvals.get(id));
  }

  @Get(':messageId/cart')
  @ApiOperation({
    summary: "A cart's lines and its order's totals, optionally with changes (nothing is stored)",
    description: 'The totals are computed by the code that makes the order. With `changes` (the body of approve-with-changes, as JSON) the lines show what would be ordered; `problem` says why no order could be made.',
  })
  @ApiOkResponse(jsonResponse('The cart and what its order would be', cartPreviewSchema, cartPreviewExample))
  @ApiNotFoundResponse(problemResponse('No cart with that id', 404))
  @ApiInvalidParameters()
  async cart(@Param('messageId', { schema: uuidParam }) id: string, @Query({ schema: cartPreviewQuery }) q: z.output<typeof cartPreviewQuery>) {
    return this.previews.preview(id, q.changes);
  }

  @Post(':messageId/approve')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Approve the cart as it is; the order is made and delivered' })
  @ApiOkResponse(jsonResponse('The cart, now approved', messageSummarySchema, decidedExample))
  @ApiNotFoundResponse(problemResponse('No cart with that id', 404))
  @ApiConflictResponse(problemResponse('The cart is not awaiting approval', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The cart can no longer make a valid order', 422))
  @ApiInvalidParameters()
  async approve(@Param('messageId', { schema: uuidParam }) id: string, @Req() req: AdminRequest) {
    req.audit = { target: `cart:${id}`, before: { state: 'awaiting-approval' } };
    return this.decided(req, await this.approvals.approve(id, actorOf(req)));
  }

  @Post(':messageId/approve-with-changes')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Approve with changes to quantities, prices or lines; the order reflects them' })
  @ApiBody(jsonBody('The changes', changesBody, { changes: [{ kind: 'set-quantity', lineId: '1', quantity: '5' }, { kind: 'remove', lineId: '3' }] }))
  @ApiOkResponse(jsonResponse('The cart, now changed', messageSummarySchema, { ...decidedExample, state: 'changed' }))
  @ApiNotFoundResponse(problemResponse('No cart with that id', 404))
  @ApiConflictResponse(problemResponse('The cart is not awaiting approval', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The changes are invalid or the result is no valid order', 422))
  @ApiInvalidParameters()
  async approveWithChanges(@Param('messageId', { schema: uuidParam }) id: string, @Body({ schema: changesBody }) body: z.output<typeof changesBody>, @Req() req: AdminRequest) {
    req.audit = { target: `cart:${id}`, before: { state: 'awaiting-approval' } };
    return this.decided(req, await this.approvals.approveWithChanges(id, body.changes, actorOf(req)), { changes: body.changes });
  }

  @Post(':messageId/reject')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Reject the cart with a reason; the supplier is told (cart.rejected)' })
  @ApiBody(jsonBody('Why', rejectBody, { reason: 'Budget for this quarter is spent' }))
  @ApiOkResponse(jsonResponse('The cart, now rejected', messageSummarySchema, { ...decidedExample, state: 'rejected' }))
  @ApiNotFoundResponse(problemResponse('No cart with that id', 404))
  @ApiConflictResponse(problemResponse('The cart is not awaiting approval', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The reason is missing', 422))
  @ApiInvalidParameters()
  async reject(@Param('messageId', { schema: uuidParam }) id: string, @Body({ schema: rejectBody }) body: z.output<typeof rejectBody>, @Req() req: AdminRequest) {
    req.audit = { target: `cart:${id}`, before: { state: 'awaiting-approval' } };
    return this.decided(req, await this.approvals.reject(id, body.reason, actorOf(req)), { reason: body.reason });
  }

  private decided(req: AdminRequest, record: MessageRecord, extra: Record<string, unknown> = {}) {
    req.audit = { ...req.audit, after: { state: record.state, ...extra } };
    return summaryOf(record);
  }
}
