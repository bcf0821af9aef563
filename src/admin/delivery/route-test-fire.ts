import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { ConfigOf } from '../../config/define-config.js';
import { DeliveryError } from '../../delivery/delivery.errors.js';
import { RouteService } from '../../delivery/routes/route.service.js';
import { WebhookHttpSender } from '../../delivery/webhook/http-sender.js';
import { classifyAttempt } from '../../delivery/webhook/outcome.js';
import { WebhookSigner } from '../../delivery/webhook/signer.js';
import { webhookConfig } from '../../delivery/webhook/webhook.config.js';

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
 * answered. Nothing is stored or retried, and the route's circuit breaker is left alone: it is a
 * check an operator runs while setting a route up.
 */
@Injectable()
export class RouteTestFire implements OnApplicationShutdown {
  private readonly signer = new WebhookSigner();
  private readonly sender: WebhookHttpSender;

  constructor(
    private readonly routes: RouteService,
    private readonly clock: Clock,
    @Inject(webhookConfig.KEY) config: ConfigOf<typeof webhookConfig>,
  ) {
    this.sender = new WebhookHttpSender(config, clock);
  }

  async fire(routeId: string, note: string): Promise<TestFireResult> {
    const route = await this.routes.get(routeId);
    if (route.kind !== 'webhook') throw new DeliveryError('invalid-route', `route ${routeId} sends over AS4; only webhook routes can be test-fired`);
    const eventId = `test${randomUUID().replace(/-/g, '')}`;
    const now = this.clock.now();
    const body = JSON.stringify({ type: TEST_EVENT_TYPE, timestamp: now.toISOString(), data: { routeId: route.id, supplierId: route.supplierId, note } });
    const headers = this.signer.sign({ eventId, body, secrets: await this.routes.activeSecrets(route.id), at: now });
    const attempt = await this.sender.send({
      url: route.url,
      headers: { ...headers },
      body,
      ...(route.timeoutMs !== null ? { responseTimeoutMs: route.timeoutMs } : {}),
    });
    const verdict = classifyAttempt(attempt, this.clock.now());
    const response = attempt.kind === 'response';
    return {
      routeId: route.id,
      url: route.url,
      webhookId: headers['webhook-id'],
      delivered: verdict.verdict === 'delivered',
      status: response ? attempt.status : null,
      networkError: response ? null : attempt.error,
      latencyMs: attempt.latencyMs,
      verdict: verdict.verdict,
      reason: verdict.verdict === 'delivered' ? null : verdict.reason,
      responseExcerpt: response ? attempt.responseExcerpt : null,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // An agent that never connected may already count as destroyed; nothing is left to release then.
    await this.sender.close().catch(() => undefined);
  }
}
