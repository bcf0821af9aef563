import type { Clock } from '../../common/clock.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { DeliveryAttempt, WebhookHttpSender } from './http-sender.js';
import { classifyAttempt, type DeliveryVerdict } from './outcome.js';
import type { WebhookSignatureHeaders, WebhookSigner } from './signer.js';

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

  /** The endpoint's circuit as this worker sees it now. */
  breakerState(endpointId: string): 'closed' | 'half-open' | 'open' {
    return this.breaker.stateOf(endpointId);
  }

  async attempt(input: { eventId: string; body: string; target: WebhookTarget }): Promise<AttemptResult> {
    const { target } = input;
    const headers = this.sign(input);
    const webhookId = headers['webhook-id'];
    const run = await this.breaker.run(target.endpointId, async () => {
      const { attempt, verdict } = await this.post(input, headers);
      return { attempt, verdict, countsAsFailure: verdict.verdict === 'retry' };
    });
    if (!run.allowed) return { sent: false, webhookId, retryInMs: run.retryInMs };
    return { sent: true, webhookId, attempt: run.outcome.attempt, verdict: run.outcome.verdict };
  }

  /**
   * One attempt outside any delivery (an operator's check of a route): signed and sent the same
   * way, but the circuit breaker is neither asked nor told, so a check never pauses real deliveries.
   */
  async probe(input: { eventId: string; body: string; target: WebhookTarget }): Promise<{ webhookId: string; attempt: DeliveryAttempt; verdict: DeliveryVerdict }> {
    const headers = this.sign(input);
    return { webhookId: headers['webhook-id'], ...(await this.post(input, headers)) };
  }

  /** Signs at attempt time: the receiver checks the timestamp. */
  private sign(input: { eventId: string; body: string; target: WebhookTarget }) {
    return this.signer.sign({ eventId: input.eventId, body: input.body, secrets: input.target.secrets, at: this.clock.now() });
  }

  private async post(input: { body: string; target: WebhookTarget }, headers: WebhookSignatureHeaders): Promise<{ attempt: DeliveryAttempt; verdict: DeliveryVerdict }> {
    const { target } = input;
    const attempt = await this.sender.send({
      url: target.url,
      headers: { ...headers },
      body: input.body,
      ...(target.responseTimeoutMs !== undefined ? { responseTimeoutMs: target.responseTimeoutMs } : {}),
    });
    return { attempt, verdict: classifyAttempt(attempt, this.clock.now()) };
  }
}
