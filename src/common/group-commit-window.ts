/** The outcome of one item of a batch: its own result, or its own error. */
export type ItemOutcome<R> = { readonly status: 'fulfilled'; readonly value: R } | { readonly status: 'rejected'; readonly reason: unknown };

export interface GroupCommitHandlers<T, R> {
  /**
   * Handles a whole batch (two items or more) at once and answers each item in order, one outcome
   * per item. Throwing means the batch as a whole failed: every item is then handled by `single`.
   */
  batch(items: readonly T[]): Promise<ReadonlyArray<ItemOutcome<R>>>;
  /** Handles one item alone: a window of one item, the fallback after a failed batch, and everything when the window is off. */
  single(item: T): Promise<R>;
  /**
   * Whether the items of a batch that failed with `error` are worth trying alone (default: yes).
   * No for a failure no item can cause (the database or the disk away): each caller then gets that error at once.
   */
  retryAlone?(error: unknown): boolean;
}

export interface GroupCommitOptions {
  /** How long the first item of a window waits for others; 0 turns batching off (each item is handled alone, at once). */
  readonly windowMs: number;
  /** A window closes at once when it holds this many items. */
  readonly maxBatch: number;
  /** Told the size of every window that closes (not called when batching is off). */
  readonly onBatch?: (size: number) => void;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (value: R) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit: items submitted close together are handled as one batch (one fsync round, one
 * database commit, one queue round trip), and each caller still gets only its own result, when the
 * batch is through. The first item opens a window of at most `windowMs` or `maxBatch` items. A batch
 * that fails as a whole is handled again item by item, so one bad item cannot fail the others.
 */
export class GroupCommitWindow<T, R> {
  private open: Array<Waiting<T, R>> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly handlers: GroupCommitHandlers<T, R>,
    private readonly options: GroupCommitOptions,
  ) {
    if (!(options.maxBatch >= 1)) throw new RangeError('maxBatch must be at least 1');
  }

  get enabled(): boolean {
    return this.options.windowMs > 0 && this.options.maxBatch > 1;
  }

  submit(item: T): Promise<R> {
    if (!this.enabled) return this.handlers.single(item);
    return new Promise<R>((resolve, reject) => {
      this.open.push({ item, resolve, reject });
      if (this.open.length >= this.options.maxBatch) this.close();
      else this.timer ??= setTimeout(() => this.close(), this.options.windowMs);
    });
  }

  private close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.open;
    this.open = [];
    this.options.onBatch?.(batch.length);
    void this.run(batch);
  }

  private async run(batch: ReadonlyArray<Waiting<T, R>>): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let outcomes: ReadonlyArray<ItemOutcome<R>>;
    try {
      outcomes = await this.handlers.batch(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`batch answered ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (error) {
      if (this.handlers.retryAlone?.(error) === false) {
        for (const w of batch) w.reject(error);
        return;
      }
      // Nothing of the batch is known to be done: each item again on its own, each caller its own answer.
      await Promise.all(batch.map((w) => this.alone(w)));
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') batch[i]!.resolve(outcome.value);
      else batch[i]!.reject(outcome.reason);
    });
  }

  private async alone(w: Waiting<T, R>): Promise<void> {
    try {
      w.resolve(await this.handlers.single(w.item));
    } catch (error) {
      w.reject(error);
    }
  }
}
