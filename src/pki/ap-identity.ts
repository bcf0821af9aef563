import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../common/clock.js';
import { ConfigError } from '../config/define-config.js';
import type { ApCredentials, ApKeystore } from './keystore.js';
import type { PkiConfig } from './pki.config.js';
import { PkiFiles } from './pki-files.js';

const DAY_MS = 86_400_000;
const STATE_MAX_BYTES = 4_096;

/** Written by `peppol-ap pki rollover`, read by every running process: bound to one next certificate. */
export interface RolloverState {
  /** SHA-256 of the next certificate this switch is for (a stale file never flips a newer pair). */
  nextSha256: string;
  activateAt: string;
}

export interface IdentitySlot {
  slot: 'current' | 'next';
  credentials: ApCredentials;
  /** Whether this slot signs now. */
  signing: boolean;
  notAfter: Date;
  daysLeft: number;
}

/**
 * Our AP identity with certificate rollover: the configured "next" key pair decrypts alongside the
 * current one from the start (senders may already encrypt to the new certificate from the SMP) and
 * takes over signing at AP_NEXT_ACTIVATE_AT or when an operator runs `peppol-ap pki rollover`,
 * without a restart. Shaped like the AS4 AccessPointKeys port (signing / decryption).
 */
export class ApIdentity {
  private commandedAt?: Date;

  constructor(
    private readonly current: ApCredentials,
    private readonly next: ApCredentials | undefined,
    private readonly clock: Clock,
    private readonly options: { activateAt?: Date; stateFile?: string; files?: PkiFiles } = {},
  ) {}

  static async load(cfg: PkiConfig, deps: { clock: Clock; keystore: ApKeystore; files?: PkiFiles }): Promise<ApIdentity> {
    const current = await deps.keystore.load(cfg.keySource);
    const next = cfg.rollover.nextKeySource ? await deps.keystore.load(cfg.rollover.nextKeySource) : undefined;
    if (next && next.certificate.fingerprint256 === current.certificate.fingerprint256) {
      throw new ConfigError('Invalid configuration: AP_NEXT_* holds the same certificate as AP_*');
    }
    if (!next && cfg.rollover.activateAt) {
      throw new ConfigError('Invalid configuration: AP_NEXT_ACTIVATE_AT is set but no AP_NEXT_CERT/AP_NEXT_KEY or AP_NEXT_P12');
    }
    const identity = new ApIdentity(current, next, deps.clock, { activateAt: cfg.rollover.activateAt, stateFile: cfg.rollover.stateFile, files: deps.files });
    await identity.refresh();
    return identity;
  }

  /** Key and certificate to sign with now; its CN is our AS4 PartyId. */
  signing(): ApCredentials {
    return this.nextSigns() ? this.next! : this.current;
  }

  /** Every key we can decrypt with, the signing one first. */
  decryption(): readonly ApCredentials[] {
    if (!this.next) return [this.current];
    return this.nextSigns() ? [this.next, this.current] : [this.current, this.next];
  }

  /** Both slots with their expiry, for health and metrics. */
  slots(): IdentitySlot[] {
    const now = this.clock.now().getTime();
    const signing = this.signing();
    const slot = (name: 'current' | 'next', credentials: ApCredentials): IdentitySlot => {
      const notAfter = new Date(credentials.certificate.validTo);
      return { slot: name, credentials, signing: credentials === signing, notAfter, daysLeft: Math.floor((notAfter.getTime() - now) / DAY_MS) };
    };
    return this.next ? [slot('current', this.current), slot('next', this.next)] : [slot('current', this.current)];
  }

  /** When the next pair takes (or took) over signing, if known. */
  switchTime(): Date | undefined {
    const times = [this.options.activateAt, this.commandedAt].filter((t): t is Date => t !== undefined);
    return times.length === 0 ? undefined : new Date(Math.min(...times.map((t) => t.getTime())));
  }

  /** Re-reads the rollover state file (call periodically); a missing file means "no command given". */
  async refresh(): Promise<void> {
    if (!this.next || !this.options.stateFile) return;
    const files = this.options.files ?? new PkiFiles();
    let text: string;
    try {
      text = (await files.read(this.options.stateFile, STATE_MAX_BYTES)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const state = parseState(text, this.options.stateFile);
    if (state.nextSha256 === sha256Of(this.next)) this.commandedAt = new Date(state.activateAt);
  }

  /**
   * Re-reads the rollover state every `pollMs` so an operator's `pki rollover` reaches this process
   * without a restart; returns the function that stops watching. Read errors go to `onError`.
   */
  watch(pollMs: number, onError: (error: Error) => void): () => void {
    const timer = setInterval(() => {
      this.refresh().catch((error: Error) => onError(error));
    }, pollMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private nextSigns(): boolean {
    const at = this.switchTime();
    return this.next !== undefined && at !== undefined && this.clock.now().getTime() >= at.getTime();
  }
}

/** Writes the rollover command for the running processes (atomically: they may read it any time). */
export async function writeRolloverState(file: string, next: ApCredentials, activateAt: Date): Promise<RolloverState> {
  const state: RolloverState = { nextSha256: sha256Of(next), activateAt: activateAt.toISOString() };
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, file);
  return state;
}

function sha256Of(credentials: ApCredentials): string {
  return credentials.certificate.fingerprint256.replace(/:/g, '').toLowerCase();
}

function parseState(text: string, file: string): RolloverState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`rollover state ${file} is not JSON`);
  }
  const state = parsed as Partial<RolloverState>;
  if (typeof state.nextSha256 !== 'string' || typeof state.activateAt !== 'string' || Number.isNaN(Date.parse(state.activateAt))) {
    throw new Error(`rollover state ${file} lacks nextSha256/activateAt`);
  }
  return state as RolloverState;
}
