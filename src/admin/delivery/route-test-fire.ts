import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DeliveryError } from '../../delivery/delivery.errors.js';
import { RouteService } from '../../delivery/routes/route.service.js';
import { WebhookDeliveryAttempter } from '../../delivery/webhook/delivery-attempter.js';

/** The event type of test deliveries; receivers ignore types they do not know. */
export const TEST_EVENT_TYPE = 'webhook.test';

export interface TestFireResult {
  routeId: string;
  url: string;
  webhookId: string;
  delivered: boolean;
  status: number | null;
  networkError: string | null;
  latencyMs: number;
  verdict: string;
  reason: string | null;
  responseExcerpt: string | null;
}

/**
 * Sends one signed `webhook.test` event to a webhook route now and reports what the endpoint
 * answered, through the delivery module's attempter (its signer and HTTP pool). Nothing is stored
 * or retried, and the route's circuit breaker is left alone: it is a check an operator runs while
 * setting a route up.
 */
@Injectable()
export class RouteTestFire {
  constructor(
    private readonly routes: RouteService,
    private readonly attempter: WebhookDeliveryAttempter,
    private readonly clock: Clock,
  ) {}

  async fire(routeId: string, note: string): Promise<TestFireResult> {
    const route = await this.routes.get(routeId);
    if (route.kind === 'as4') throw new DeliveryError('invalid-route', `route ${routeId} sends over AS4; only webhook and operator routes can be test-fired`);
    const eventId = `test${randomUUID().replace(/-/g, '')}`;
    const body = JSON.stringify({ type: TEST_EVENT_TYPE, timestamp: this.clock.now().toISOString(), data: { routeId: route.id, participantId: route.participantId, supplierId: route.participantId, note } });
    const { webhookId, attempt, verdict } = await this.attempter.probe({
      eventId,
      body,
      target: {
        endpointId: route.id,
        url: route.url,
        secrets: await this.routes.activeSecrets(route.id),
        ...(route.timeoutMs !== null ? { responseTimeoutMs: route.timeoutMs } : {}),
      },
    });
    const response = attempt.kind === 'response';
    return {
      routeId: route.id,
      url: route.url,
      webhookId,
      delivered: verdict.verdict === 'delivered',
      status: response ? attempt.status : null,
      networkError: response ? null : attempt.error,
      latencyMs: attempt.latencyMs,
      verdict: verdict.verdict,
      reason: verdict.verdict === 'delivered' ? null : verdict.reason,
      responseExcerpt: response ? attempt.responseExcerpt : null,
    };
  }
}
