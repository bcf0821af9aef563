import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Knows when the process is draining: from SIGTERM on, new AS4 requests are answered 503 (the sender
 * retries later), while requests already in flight finish and get their receipts.
 */
@Injectable()
export class Lifecycle implements BeforeApplicationShutdown {
  private draining = false;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  get isDraining(): boolean {
    return this.draining;
  }

  /** Marks one unit of work that shutdown waits for; call the returned function when done. */
  begin(): () => void {
    this.inFlight++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      setTimeout(resolve, 30_000).unref();
    });
  }
}
