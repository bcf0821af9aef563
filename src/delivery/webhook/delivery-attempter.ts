import type { Clock } from '../../common/clock.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { DeliveryAttempt, WebhookHttpSender } from './http-sender.js';
import { classifyAttempt, type DeliveryVerdict } from './outcome.js';
import type { WebhookSigner } from './signer.js';

/** Where one event goes: the route's webhook endpoint. */
export interface WebhookTarget {
  /** Endpoint id: the circuit breaker's key. */
  endpointId: string;
  url: string;
  /** Active secrets (two during rotation). */
  secrets: readonly string[];
  responseTimeoutMs?: number;
}

export type AttemptResult =
  | { sent: true; webhookId: string; attempt: DeliveryAttempt; verdict: DeliveryVerdict }
  /** The endpoint's circuit is open: nothing was sent; try again after `retryInMs` without counting an attempt. */
  | { sent: false; webhookId: string; retryInMs: number };

/**
 * One delivery attempt of one event to one endpoint: signs at attempt time (the receiver checks
 * the timestamp), and through the endpoint's circuit breaker POSTs the stored body unchanged and
 * classifies the result (a retryable one counts against the endpoint). Retry timing and persistence belong to the caller.
 */
export class WebhookDeliveryAttempter {
  constructor(
    private readonly signer: WebhookSigner,
    private readonly sender: Pick<WebhookHttpSender, 'send'>,
    private readonly breaker: CircuitBreaker,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  async attempt(input: { eventId: string; body: string; target: WebhookTarget }): Promise<AttemptResult> {
    const { target } = input;
    const headers = this.signer.sign({ eventId: input.eventId, body: input.body, secrets: target.secrets, at: this.clock.now() });
    const webhookId = headers['webhook-id'];
    const run = await this.breaker.run(target.endpointId, async () => {
      const attempt = await this.sender.send({
        url: target.url,
        headers: { ...headers },
        body: input.body,
        ...(target.responseTimeoutMs !== undefined ? { responseTimeoutMs: target.responseTimeoutMs } : {}),
      });
      const verdict = classifyAttempt(attempt, this.clock.now());
      return { attempt, verdict, countsAsFailure: verdict.verdict === 'retry' };
    });
    if (!run.allowed) return { sent: false, webhookId, retryInMs: run.retryInMs };
    return { sent: true, webhookId, attempt: run.outcome.attempt, verdict: run.outcome.verdict };
  }
}
