/**
 * A readiness check contributed by a feature module (e.g. the AP certificate). Provide an instance
 * under READINESS_CHECKS via `{ provide: READINESS_CHECKS, useExisting: X, multi }`-style helper below.
 */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves with details when healthy; throws with a clear message when not. */
  check(): Promise<Record<string, unknown>>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
