import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'peppol-ap:cluster-metrics-request';
const RESPONSE = 'peppol-ap:cluster-metrics-response';
const TIMEOUT_MS = 6_000;

interface Response {
  type: typeof RESPONSE;
  id: number;
  body?: string;
  error?: string;
}

/**
 * Supervisor of the API's HTTP processes: answers a process's request for the metrics of all of them
 * (prom-client's AggregatorRegistry asks each process for its registry and sums counters and
 * histograms; each metric's `aggregator` says otherwise).
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (body) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, body }),
      (error: Error) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, error: error.message }),
    );
  });
}

/** One HTTP process of several: its registry is part of the supervisor's aggregate, which it fetches for /metrics. */
export class ClusterMetricsClient {
  private next = 0;
  private readonly waiting = new Map<number, (response: Response) => void>();

  /** Only inside a cluster process; null otherwise. */
  static create(registry: Registry): ClusterMetricsClient | null {
    return cluster.isWorker ? new ClusterMetricsClient(registry) : null;
  }

  private constructor(registry: Registry) {
    AggregatorRegistry.setRegistries(registry);
    // Constructing one installs the listener that hands this process's registry to the supervisor.
    new AggregatorRegistry();
    process.on('message', (message: Response) => {
      if (message?.type !== RESPONSE) return;
      this.waiting.get(message.id)?.(message);
    });
  }

  /** The metrics of every HTTP process, in Prometheus text format. */
  async all(): Promise<string> {
    const id = this.next++;
    const response = await new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('the API supervisor did not answer with the metrics of all processes'));
      }, TIMEOUT_MS);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(r);
      });
      process.send!({ type: REQUEST, id });
    });
    if (response.error !== undefined) throw new Error(response.error);
    return response.body ?? '';
  }
}
