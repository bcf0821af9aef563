import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Logger } from 'pino';
import { ConfigError } from '../config/define-config.js';
import { databaseConfig } from '../database/database.config.js';
import { httpConfig } from '../http/http.config.js';
import { createRootLogger } from '../logging/logger.js';
import { serveClusterMetrics } from '../metrics/cluster-metrics.js';
import { CLUSTER_MESSAGES, isClusterMessage } from './cluster-messages.js';
import { validateConfiguration } from './configuration.js';
import { startRole } from './bootstrap.js';

/** How many HTTP processes the API role runs: API_PROCESSES, or one per core; one on the embedded database. */
export function apiProcessCount(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const configured = httpConfig.load(env).apiProcesses;
  const embedded = !databaseConfig.load(env).url;
  if (embedded) {
    if (configured > 1) throw new ConfigError(`Invalid configuration: API_PROCESSES (${configured}): the embedded database is one process's; set DATABASE_URL to run more`);
    return 1;
  }
  return configured === 0 ? cores : configured;
}

/** Restarts of crashed HTTP processes allowed within RESTART_WINDOW_MS before the supervisor gives up. */
const MAX_RESTARTS = 10;
const RESTART_WINDOW_MS = 60_000;

/**
 * The API role: one HTTP process (`startRole('api')`), or with API_PROCESSES > 1 a supervisor that
 * forks that many on one port (Node cluster: the supervisor accepts connections and hands them out in
 * turn). Each process has its own database pool, Redis connections and blob-store writers; /metrics
 * answers for all of them together. A process that dies is replaced; SIGTERM/SIGINT drains them all.
 */
export async function runApi(): Promise<void> {
  if (cluster.isWorker) {
    // The first process started shows the start banner once; replacements started later do not.
    const started = await startRole('api', { clustered: true, banner: cluster.worker?.id === 1 });
    process.send?.({ type: CLUSTER_MESSAGES.listening, port: started.port });
    return;
  }
  validateConfiguration();
  const count = apiProcessCount();
  if (count <= 1) {
    await startRole('api');
    return;
  }
  await supervise(count, createRootLogger('api-supervisor'));
}

async function supervise(count: number, logger: Logger): Promise<void> {
  serveClusterMetrics();
  let stopping = false;
  const restarts: number[] = [];
  const ready = new Map<number, number>();

  let allListening: (() => void) | null = null;
  cluster.on('message', (worker, message: unknown) => {
    if (!isClusterMessage(message, CLUSTER_MESSAGES.listening)) return;
    ready.set(worker.id, Number((message as { port: number }).port));
    // A process still starting when the stop came (a replacement) is told again once it listens.
    if (stopping) worker.send({ type: CLUSTER_MESSAGES.stop });
    if (ready.size >= count) allListening?.();
  });
  const fork = (): Worker => cluster.fork();

  for (let i = 0; i < count; i++) fork();
  // Up when every process listens; a process that exits before that fails the start.
  await new Promise<void>((resolve, reject) => {
    const onExit = (worker: Worker, code: number | null, signal: string | null) => {
      cluster.off('exit', onExit);
      allListening = null;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      reject(new Error(`API process ${worker.process.pid} exited while starting (${signal ?? `code ${code}`})`));
    };
    allListening = () => {
      cluster.off('exit', onExit);
      allListening = null;
      resolve();
    };
    cluster.on('exit', onExit);
  });
  const port = [...ready.values()][0];
  logger.info({ port, processes: count, pids: Object.values(cluster.workers ?? {}).map((w) => w?.process.pid) }, `API listening on port ${port} (${count} processes)`);

  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('stopped');
        process.exit(0);
      }
      return;
    }
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      logger.error({ pid: worker.process.pid, code, signal }, `API process died; ${MAX_RESTARTS} restarts within ${RESTART_WINDOW_MS / 1000} s: giving up`);
      stopAll();
      return;
    }
    restarts.push(now);
    const replacement = fork();
    logger.warn({ pid: worker.process.pid, code, signal, replacement: replacement.process.pid }, 'API process died: started a replacement');
  });

  const stopAll = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    // Each process drains itself (requests in flight get their answers) and exits.
    for (const w of workers) if (w?.isConnected()) w.send({ type: CLUSTER_MESSAGES.stop });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: stopping the API processes at once');
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }
    logger.info({ signal }, 'draining the API processes');
    stopAll();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
