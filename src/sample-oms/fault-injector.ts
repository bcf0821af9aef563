import { z } from 'zod';

/**
 * Faults the sample OMS can simulate for end-to-end tests and the demo, set through
 * `POST /_control` (only when test controls are enabled).
 */
export const controlRequestSchema = z.strictObject({
  mode: z.enum(['ok', 'fail-500', 'fail-503', 'fail-400', 'fail-410', 'fail-429', 'slow', 'reset', 'down']),
  /** How many webhook requests the fault applies to; unset = until the next control request. */
  count: z.int().min(1).max(100_000).optional(),
  /** `Retry-After` sent with fail-429 and fail-503. */
  retryAfterSeconds: z.int().min(0).max(86_400).optional(),
  /** How long `slow` waits before answering (and storing) normally. */
  delayMs: z.int().min(1).max(120_000).optional(),
  /** How long `down` stops listening (connections are refused), then it listens again. */
  forMs: z.int().min(1).max(600_000).optional(),
});

export type ControlRequest = z.infer<typeof controlRequestSchema>;

/** What to do with the next webhook request. */
export type Fault =
  | { kind: 'respond'; status: number; retryAfterSeconds?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' };

const STATUS: Record<string, number> = {
  'fail-500': 500,
  'fail-503': 503,
  'fail-400': 400,
  'fail-410': 410,
  'fail-429': 429,
};

export class FaultInjector {
  private current: ControlRequest = { mode: 'ok' };
  private remaining: number | undefined;
  private injected = 0;

  set(request: ControlRequest): void {
    this.current = request;
    this.remaining = request.count;
  }

  /** The fault for the next webhook request, or null to handle it normally. Counts it down. */
  next(): Fault | null {
    const { mode } = this.current;
    if (mode === 'ok' || mode === 'down') return null;
    if (this.remaining !== undefined) {
      if (this.remaining <= 0) return null;
      this.remaining--;
    }
    this.injected++;
    if (mode === 'slow') return { kind: 'delay', ms: this.current.delayMs ?? 5_000 };
    if (mode === 'reset') return { kind: 'reset' };
    const status = STATUS[mode]!;
    const retryAfterSeconds = status === 429 || status === 503 ? this.current.retryAfterSeconds : undefined;
    return { kind: 'respond', status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
  }

  status(): { mode: ControlRequest['mode']; remaining: number | null; injected: number } {
    const exhausted = this.remaining !== undefined && this.remaining <= 0;
    return { mode: exhausted ? 'ok' : this.current.mode, remaining: this.remaining ?? null, injected: this.injected };
  }
}
