import type { Clock } from '../../common/clock.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open the first time; doubles after each failed probe. */
  openMs: number;
  /** Upper bound for the open period. */
  maxOpenMs: number;
  /** A probe that never reports back is given up after this long, and another one is let through. */
  probeTimeoutMs: number;
}

export type BreakerPermit = { allowed: true; probe: boolean } | { allowed: false; retryInMs: number };

interface EndpointCircuit {
  state: BreakerState;
  failures: number;
  openUntil: number;
  openMs: number;
  probeStartedAt: number;
}

/**
 * Per-endpoint circuit breaker, so an endpoint that is down is not hammered by every queued event.
 * Closed: all attempts go. After `failureThreshold` consecutive failures: open, nothing goes until
 * the open period ends. Then half-open: one probe goes; its success closes the circuit, its failure
 * reopens it for twice as long (bounded). State lives in memory per worker process; only endpoints
 * with failures are tracked.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, EndpointCircuit>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly options: CircuitBreakerOptions,
  ) {}

  /** Asks whether an attempt to this endpoint may go now. */
  permit(endpointId: string): BreakerPermit {
    const circuit = this.circuits.get(endpointId);
    if (!circuit || circuit.state === 'closed') return { allowed: true, probe: false };
    const now = this.clock.now().getTime();
    if (circuit.state === 'open') {
      if (now < circuit.openUntil) return { allowed: false, retryInMs: circuit.openUntil - now };
      circuit.state = 'half-open';
      circuit.probeStartedAt = now;
      return { allowed: true, probe: true };
    }
    // half-open: one probe at a time
    const probeDeadline = circuit.probeStartedAt + this.options.probeTimeoutMs;
    if (now < probeDeadline) return { allowed: false, retryInMs: probeDeadline - now };
    circuit.probeStartedAt = now;
    return { allowed: true, probe: true };
  }

  recordSuccess(endpointId: string): void {
    this.circuits.delete(endpointId);
  }

  recordFailure(endpointId: string): void {
    const now = this.clock.now().getTime();
    const circuit = this.circuits.get(endpointId) ?? {
      state: 'closed' as BreakerState,
      failures: 0,
      openUntil: 0,
      openMs: 0,
      probeStartedAt: 0,
    };
    circuit.failures += 1;
    if (circuit.state === 'half-open') {
      circuit.openMs = Math.min(circuit.openMs * 2, this.options.maxOpenMs);
      this.open(circuit, now);
    } else if (circuit.state === 'closed' && circuit.failures >= this.options.failureThreshold) {
      circuit.openMs = this.options.openMs;
      this.open(circuit, now);
    }
    // A failure reported while open came from an attempt that started before opening: no change.
    this.circuits.set(endpointId, circuit);
  }

  stateOf(endpointId: string): BreakerState {
    const circuit = this.circuits.get(endpointId);
    if (!circuit) return 'closed';
    if (circuit.state === 'open' && this.clock.now().getTime() >= circuit.openUntil) return 'half-open';
    return circuit.state;
  }

  /** Forget an endpoint (deleted, or re-enabled by an operator). */
  reset(endpointId: string): void {
    this.circuits.delete(endpointId);
  }

  private open(circuit: EndpointCircuit, now: number): void {
    circuit.state = 'open';
    circuit.openUntil = now + circuit.openMs;
  }
}
