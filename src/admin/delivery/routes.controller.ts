import { Body, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { DeliveryService } from '../../delivery/delivery.service.js';
import { createRouteSchema, updateRouteSchema } from '../../delivery/routes/route-input.js';
import { RouteService } from '../../delivery/routes/route.service.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonBody, jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { isoDateTimeParam, participantParam, uuidParam } from '../http/params.js';
import { operatorRouteExample, routeExample, routeSchema, routeView, secretViewSchema } from './delivery-views.js';
import { RouteTestFire, TEST_EVENT_TYPE } from './route-test-fire.js';

const secretExample = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const rotateBody = z.object({
  secret: z.string().optional().meta({ description: 'whsec_… to use; generated when absent' }),
  overlapMs: z.int().min(0).max(30 * 86_400_000).optional().meta({ description: 'How long the previous secrets keep signing too' }),
});
const replayBody = z.object({ from: isoDateTimeParam, to: isoDateTimeParam });
const testBody = z.object({ note: z.string().max(200).default('test event from the access point admin API') });
const testResultSchema = z.object({
  routeId: z.uuid(),
  url: z.string(),
  webhookId: z.string(),
  delivered: z.boolean(),
  status: z.number().nullable(),
  networkError: z.string().nullable(),
  latencyMs: z.number(),
  verdict: z.string(),
  reason: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});

@AdminController('routes', 'routes')
export class RoutesController {
  constructor(
    private readonly routes: RouteService,
    private readonly deliveries: DeliveryService,
    private readonly testFire: RouteTestFire,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Routes: where each served participant's documents and events go (its back end's webhook, or onward over AS4), and the operators' alert routes",
  })
  @ApiOkResponse(jsonResponse('Routes', z.object({ data: z.array(routeSchema) }), { data: [routeExample, operatorRouteExample] }))
  @ApiInvalidParameters()
  async list(
    @Query({
      schema: z.object({
        participantId: participantParam.optional(),
        supplierId: participantParam.optional().describe('Alias of participantId'),
        kind: z.enum(['webhook', 'as4', 'operator']).optional().describe('Only routes of this kind (without a participant filter)'),
      }),
    })
    q: { participantId?: string; supplierId?: string; kind?: 'webhook' | 'as4' | 'operator' },
  ) {
    return { data: (await this.routes.list(q)).map(routeView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One route with hints of its active signing secrets' })
  @ApiOkResponse(jsonResponse('The route', routeSchema.extend({ secrets: z.array(secretViewSchema) }), { ...routeExample, secrets: [{ hint: 'whsec_MfKQ…SaSw', createdAt: routeExample.createdAt, expiresAt: null }] }))
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiInvalidParameters()
  async one(@Param('id', { schema: uuidParam }) id: string) {
    const route = await this.routes.get(id);
    return { ...routeView(route), secrets: route.kind === 'as4' ? [] : await this.routes.secretViews(id) };
  }

  @Post()
  @RequiresRole('admin')
  @ApiOperation({
    summary: 'Create a route; a webhook or operator route answers with its signing secret, this once',
    description:
      'kind `webhook` (a participant\'s back end) and `as4` name the participant; kind `operator` names none and takes the operator alerts (`alert.*` events, see the webhooks section), signed and retried like any webhook.',
  })
  @ApiBody(jsonBody('The route', createRouteSchema, { kind: 'webhook', participantId: '0088:5798009883964', name: 'Supplier OMS', url: 'https://oms.supplier.example/webhooks/peppol' }))
  @ApiCreatedResponse(jsonResponse('The new route', routeSchema.extend({ secret: z.string().nullable() }), { ...routeExample, secret: secretExample }))
  @ApiConflictResponse(problemResponse('The supplier has an AS4 route for that document type already, or too many routes', 409))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid or the supplier is unknown; `errors` names the field', 422))
  async create(@Body({ schema: createRouteSchema }) body: z.output<typeof createRouteSchema>, @Req() req: AdminRequest) {
    const { route, secret } = await this.routes.create(body);
    req.audit = { target: `route:${route.id}`, before: null, after: routeView(route) };
    return { ...routeView(route), secret };
  }

  @Patch(':id')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Change a route (name, enabled, document type, URL, event types, timeout)' })
  @ApiBody(jsonBody('What to change', updateRouteSchema, { enabled: true, url: 'https://oms.supplier.example/webhooks/peppol-v2' }))
  @ApiOkResponse(jsonResponse('The route as changed', routeSchema, routeExample))
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid; `errors` names the field', 422))
  @ApiInvalidParameters()
  async update(@Param('id', { schema: uuidParam }) id: string, @Body({ schema: updateRouteSchema }) body: z.output<typeof updateRouteSchema>, @Req() req: AdminRequest) {
    req.audit = { target: `route:${id}` };
    req.audit.before = routeView(await this.routes.get(id));
    const after = routeView(await this.routes.update(id, body));
    req.audit.after = after;
    return after;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Delete a route that never delivered anything (otherwise disable it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiConflictResponse(problemResponse('The route has deliveries on record', 409))
  @ApiInvalidParameters()
  async remove(@Param('id', { schema: uuidParam }) id: string, @Req() req: AdminRequest) {
    req.audit = { target: `route:${id}` };
    req.audit.before = routeView(await this.routes.get(id));
    await this.routes.remove(id);
    req.audit.after = null;
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Rotate the signing secret: the new one signs from now, the old ones too for the overlap' })
  @ApiBody(jsonBody('Optional secret and overlap', rotateBody, { overlapMs: 86_400_000 }))
  @ApiOkResponse(jsonResponse('The new secret (shown this once) and the active ones', z.object({ secret: z.string(), secrets: z.array(secretViewSchema) }), { secret: secretExample, secrets: [{ hint: 'whsec_MfKQ…SaSw', createdAt: '2026-11-23T12:00:00.000Z', expiresAt: null }] }))
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiUnprocessableEntityResponse(problemResponse('The body is invalid; `errors` names the field', 422))
  @ApiInvalidParameters()
  async rotate(@Param('id', { schema: uuidParam }) id: string, @Body({ schema: rotateBody }) body: z.output<typeof rotateBody>, @Req() req: AdminRequest) {
    req.audit = { target: `route:${id}`, before: { secrets: await this.routes.secretViews(id) } };
    const result = await this.routes.rotateSecret(id, body);
    req.audit.after = { secrets: result.secrets };
    return result;
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('admin')
  @ApiOperation({
    summary: `Test-fire: send one signed \`${TEST_EVENT_TYPE}\` event to the route now and show the answer`,
    description: 'Nothing is stored or retried. Receivers should accept (2xx) and ignore event types they do not know.',
  })
  @ApiBody(jsonBody('An optional note carried in the event', testBody, { note: 'checking the new endpoint' }))
  @ApiOkResponse(jsonResponse('What the endpoint answered', testResultSchema, { routeId: routeExample.id, url: routeExample.url, webhookId: 'msg_test3f2a', delivered: true, status: 204, networkError: null, latencyMs: 84, verdict: 'delivered', reason: null, responseExcerpt: '' }))
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiInvalidParameters()
  async test(@Param('id', { schema: uuidParam }) id: string, @Body({ schema: testBody }) body: z.output<typeof testBody>, @Req() req: AdminRequest) {
    req.audit = { target: `route:${id}`, before: null };
    const result = await this.testFire.fire(id, body.note);
    req.audit.after = { test: result.verdict, status: result.status, networkError: result.networkError };
    return result;
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Replay every delivery of this route that failed in [from, to): same body, same webhook-id' })
  @ApiBody(jsonBody('The time range of the failures', replayBody, { from: '2026-11-22T00:00:00Z', to: '2026-11-23T00:00:00Z' }))
  @ApiOkResponse(
    jsonResponse('What was replayed', z.object({ replayed: z.array(z.uuid()), skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })), more: z.boolean().meta({ description: 'More failures than one call replays; call again' }) }), {
      replayed: ['9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d'],
      skipped: [],
      more: false,
    }),
  )
  @ApiNotFoundResponse(problemResponse('No such route', 404))
  @ApiUnprocessableEntityResponse(problemResponse('The range is invalid; `errors` names the field', 422))
  @ApiInvalidParameters()
  async replay(@Param('id', { schema: uuidParam }) id: string, @Body({ schema: replayBody }) body: z.output<typeof replayBody>, @Req() req: AdminRequest) {
    req.audit = { target: `route:${id}`, before: { from: body.from, to: body.to } };
    const result = await this.deliveries.replayRoute(id, body.from, body.to);
    req.audit.after = result;
    return result;
  }
}
