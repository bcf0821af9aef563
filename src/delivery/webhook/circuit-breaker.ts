import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhenResult,
  noJitterGenerator,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
} from 'cockatiel';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open the first time; doubles after each failed probe. */
  openMs: number;
  /** Upper bound for the open period. */
  maxOpenMs: number;
  /** While a probe is out, other attempts are refused and told to come back after this long. */
  probeTimeoutMs: number;
}

/** What an attempt tells the breaker: whether the endpoint looked down or overloaded. */
export interface BreakerOutcome {
  countsAsFailure: boolean;
}

export type BreakerRun<T> =
  | { allowed: true; probe: boolean; outcome: T }
  /** Refused without calling: the circuit is open, or a probe is out; come back after `retryInMs`. */
  | { allowed: false; retryInMs: number };

interface EndpointCircuit {
  policy: CircuitBreakerPolicy;
  /** Length of the current open period (the policy's backoff, recorded when it opens). */
  openForMs: number;
  openedAt: number;
  probeStartedAt: number;
  inFlight: number;
}

/**
 * Per-endpoint circuit breaker, so an endpoint that is down is not hammered by every queued event;
 * cockatiel's breaker policy does the state machine. Closed: all attempts go. After
 * `failureThreshold` consecutive failures: open, nothing goes until the open period ends. Then
 * half-open: one probe goes; its success closes the circuit, its failure reopens it for twice as
 * long (bounded). Attempts that come while the probe is out are refused at once rather than queued
 * behind it, so a delivery job never waits on another one. State lives in memory per worker
 * process; only endpoints with failures are kept.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, EndpointCircuit>();

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Runs one attempt to the endpoint if its circuit lets it through, and feeds the outcome back. */
  async run<T extends BreakerOutcome>(endpointId: string, attempt: () => Promise<T>): Promise<BreakerRun<T>> {
    const circuit = this.circuits.get(endpointId) ?? this.track(endpointId);
    const now = Date.now();
    if (circuit.policy.state === CircuitState.HalfOpen) {
      return { allowed: false, retryInMs: Math.max(1, circuit.probeStartedAt + this.options.probeTimeoutMs - now) };
    }
    const probe = circuit.policy.state === CircuitState.Open;
    circuit.inFlight++;
    let outcome: T;
    try {
      outcome = await circuit.policy.execute(attempt);
    } catch (error) {
      if (error instanceof BrokenCircuitError) return { allowed: false, retryInMs: Math.max(1, circuit.openedAt + circuit.openForMs - now) };
      throw error;
    } finally {
      circuit.inFlight--;
    }
    // Closed after a success, nothing else in flight: the same as a fresh circuit, so forget it.
    if (!outcome.countsAsFailure && circuit.inFlight === 0 && circuit.policy.state === CircuitState.Closed && this.circuits.get(endpointId) === circuit) {
      this.circuits.delete(endpointId);
    }
    return { allowed: true, probe, outcome };
  }

  stateOf(endpointId: string): BreakerState {
    const circuit = this.circuits.get(endpointId);
    if (!circuit || circuit.policy.state === CircuitState.Closed) return 'closed';
    if (circuit.policy.state === CircuitState.HalfOpen) return 'half-open';
    // Open until the period ends; then the next attempt is the probe.
    return Date.now() >= circuit.openedAt + circuit.openForMs ? 'half-open' : 'open';
  }

  /** Forget an endpoint (deleted, or re-enabled by an operator). */
  reset(endpointId: string): void {
    this.circuits.delete(endpointId);
  }

  private track(endpointId: string): EndpointCircuit {
    const circuit: EndpointCircuit = { policy: undefined as never, openForMs: 0, openedAt: 0, probeStartedAt: 0, inFlight: 0 };
    const periods = new ExponentialBackoff({ initialDelay: this.options.openMs, maxDelay: this.options.maxOpenMs, generator: noJitterGenerator });
    circuit.policy = circuitBreaker(
      handleWhenResult((result) => (result as BreakerOutcome).countsAsFailure),
      { breaker: new ConsecutiveBreaker(this.options.failureThreshold), halfOpenAfter: recordingPeriods(periods, (ms) => (circuit.openForMs = ms)) },
    );
    circuit.policy.onBreak(() => (circuit.openedAt = Date.now()));
    circuit.policy.onHalfOpen(() => (circuit.probeStartedAt = Date.now()));
    this.circuits.set(endpointId, circuit);
    return circuit;
  }
}

/** The policy's open periods, telling `record` each one it starts (the policy keeps them to itself). */
function recordingPeriods<C>(factory: IBackoffFactory<C>, record: (ms: number) => void): IBackoffFactory<C> {
  const recording = (backoff: IBackoff<C>): IBackoff<C> => {
    record(backoff.duration);
    return { duration: backoff.duration, next: (context) => recording(backoff.next(context)) };
  };
  return { next: (context) => recording(factory.next(context)) };
}
