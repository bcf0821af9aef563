import { Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { DeliveryRepository } from '../../delivery/deliveries/delivery-repository.js';
import { DeliveryService } from '../../delivery/delivery.service.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { uuidParam } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { attemptExample, attemptSchema, deliveryExample, deliverySchema, deliveryView } from './delivery-views.js';

const listQuery = z.object({
  routeId: uuidParam.optional(),
  state: z.enum(['pending', 'sending', 'delivered', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100).meta({ description: 'At most this many, newest first' }),
});

@AdminController('deliveries', 'deliveries')
export class DeliveriesController {
  constructor(
    private readonly repository: DeliveryRepository,
    private readonly deliveries: DeliveryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhook deliveries, newest first, by route and state' })
  @ApiOkResponse(jsonResponse('Deliveries', z.object({ data: z.array(deliverySchema) }), { data: [deliveryExample] }))
  @ApiInvalidParameters()
  async list(@Query({ schema: listQuery }) q: z.output<typeof listQuery>) {
    return { data: (await this.repository.list(q)).map(deliveryView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery with every attempt (status, latency, response excerpt, verdict)' })
  @ApiOkResponse(jsonResponse('The delivery and its attempts', deliverySchema.extend({ attemptLog: z.array(attemptSchema) }), { ...deliveryExample, attemptLog: [attemptExample] }))
  @ApiNotFoundResponse(problemResponse('No such delivery', 404))
  @ApiInvalidParameters()
  async one(@Param('id', { schema: uuidParam }) id: string) {
    const delivery = await this.repository.get(id);
    if (!delivery) throw notFound(`no delivery ${id}`);
    return { ...deliveryView(delivery), attemptLog: await this.repository.attempts(id) };
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Replay one finished delivery: same body, same webhook-id, a fresh retry schedule' })
  @ApiOkResponse(jsonResponse('The delivery, pending again', deliverySchema, { ...deliveryExample, state: 'pending', generation: 2, attempts: 0, failedAt: null, lastError: null }))
  @ApiNotFoundResponse(problemResponse('No such delivery', 404))
  @ApiConflictResponse(problemResponse('The delivery is in progress', 409))
  @ApiInvalidParameters()
  async replay(@Param('id', { schema: uuidParam }) id: string, @Req() req: AdminRequest) {
    const before = await this.repository.get(id);
    if (!before) throw notFound(`no delivery ${id}`);
    req.audit = { target: `delivery:${id}`, before: { state: before.state, generation: before.generation } };
    const after = await this.deliveries.replayDelivery(id);
    req.audit.after = { state: after.state, generation: after.generation };
    return deliveryView(after);
  }
}
