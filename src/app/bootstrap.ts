import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import type { Logger } from 'pino';
import { adminConfig, type AdminConfig } from '../admin/admin.config.js';
import { ApiKeyRepository } from '../admin/auth/api-key-repository.js';
import { mountAdminHttp } from '../admin/docs/admin-http.js';
import { databaseConfig } from '../database/database.config.js';
import { ConfigError } from '../config/define-config.js';
import { redactText } from '../config/redact.js';
import { EmbeddedDatabaseLockedError } from '../database/embedded-database.js';
import { httpConfig } from '../http/http.config.js';
import { accessLog, correlateRequests } from '../logging/access-log.js';
import { createRootLogger, JsonNestLogger } from '../logging/logger.js';
import { traceRequests } from '../tracing/http-server-spans.js';
import { startTracing } from '../tracing/tracing-sdk.js';
import { tracingConfig } from '../tracing/tracing.config.js';
import { CLUSTER_MESSAGES, isClusterMessage } from './cluster-messages.js';
import { startBanner } from './banner.js';
import { validateConfiguration } from './configuration.js';
import { CoreModule } from './core.module.js';
import { type Role, roleModule } from './roles.js';

export interface Started {
  app: INestApplication | INestApplicationContext;
  logger: Logger;
  /** The bound HTTP port (API roles), e.g. when PORT=0 asked for any free port. */
  port?: number;
  /** Where everything is and how to get a key (API roles), for the operator starting it. */
  banner?: string[];
}

/**
 * Starts a role: validates configuration, builds the module graph, listens when it serves HTTP.
 * `clustered`: one of several HTTP processes of the API (its supervisor announces the port).
 * `banner`: whether this process shows the start banner (by default, unless clustered).
 */
export async function startRole(role: Role, opts: { clustered?: boolean; banner?: boolean } = {}): Promise<Started> {
  validateConfiguration();
  const logger = createRootLogger(role);
  // Before the application is built, so every span of this process goes through it; off by default.
  const tracing = await startTracing(role, tracingConfig.load(), (message) => logger.warn({ context: 'Tracing' }, message));
  if (tracing) onStopped(() => tracing.shutdown());
  if (tracing) logger.info({ serviceName: tracing.serviceName }, `tracing on: spans exported over OTLP/HTTP as ${tracing.serviceName}`);
  const module = roleModule(role, CoreModule.forRoot(logger));
  const nestLogger = new JsonNestLogger(logger);
  const http = httpConfig.load();
  if (role === 'worker') {
    // The queue processors, plus a small listener of their own (health, readiness, metrics) so an
    // orchestrator can see a worker that cannot work.
    const app = await NestFactory.create(module, { logger: nestLogger, bodyParser: false, abortOnError: false });
    app.use(correlateRequests());
    app.use(accessLog(logger));
    await app.listen(http.workerPort, http.host);
    stopOnSignals(app, logger);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : http.workerPort;
    logger.info({ port }, `worker health and metrics listening on port ${port}`);
    logger.info('worker started');
    return { app, logger, port };
  }
  // No global body parser: AS4 streams its request itself; JSON is parsed for the admin API only.
  const app = await NestFactory.create(module, { logger: nestLogger, bodyParser: false, abortOnError: false });
  const admin = http.adminPort === undefined ? undefined : { server: createServer(app.getHttpAdapter().getInstance()), port: -1 };
  if (admin) app.use(splitByPort(() => admin.port));
  if (tracing) app.use(traceRequests());
  app.use(correlateRequests());
  app.use(accessLog(logger));
  app.use(express.json({ limit: http.jsonLimitBytes, type: ['application/json', 'application/*+json'] }));
  mountAdminHttp(app);
  await app.listen(http.port, http.host);
  if (admin) {
    admin.port = await listenOn(admin.server, http.adminPort!, http.host);
    onStopped(() => closeServer(admin.server));
    logger.info({ port: admin.port }, `admin API, Swagger UI, console and metrics listening on port ${admin.port}`);
  }
  stopOnSignals(app, logger);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : http.port;
  if (opts.clustered) logger.info({ port }, `API process ${process.pid} serving port ${port}`);
  else logger.info({ port }, `${role === 'all' ? 'access point (API and worker)' : 'API'} listening on port ${port}`);
  // Of several API processes, the one its supervisor names (the first it starts) shows the banner.
  const banner = (opts.banner ?? !opts.clustered) ? await firstContact(app, role, http.host, port, admin?.port) : [];
  // `npm start` prints it for a person; the API role (a container) logs it.
  if (role === 'api') for (const line of banner) logger.info(line);
  return { app, logger, port, banner };
}

/**
 * The start banner. On a single machine (`npm start`) an installation that has never had an API key
 * gets its first admin key here, shown once: the embedded database is held by this process, so the
 * CLI could not make one while it runs. The API role (scaled, logs kept) never prints a key.
 */
async function firstContact(app: INestApplication, role: Role, host: string, port: number, adminPort: number | undefined): Promise<string[]> {
  const admin = app.get<AdminConfig>(adminConfig.KEY, { strict: false });
  const keys = app.get(ApiKeyRepository, { strict: false });
  const firstKey = role === 'all' ? (await keys.createFirstAdminKey())?.key : undefined;
  const noKeys = firstKey === undefined && (await keys.none());
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return startBanner({
    baseUrl: `http://${shownHost}:${port}`,
    adminBaseUrl: adminPort === undefined ? undefined : `http://${shownHost}:${adminPort}`,
    docs: admin.docsEnabled,
    console: admin.consoleEnabled,
    firstKey,
    noKeys,
    embedded: databaseConfig.load().url === undefined,
  });
}

/** Served on the admin port only when ADMIN_PORT is set (health answers on both). */
const ADMIN_PATHS = /^\/(admin|docs|console|metrics)(\/|$)/;

/** With ADMIN_PORT: the public port serves AS4 and health, the admin port everything else but AS4. */
function splitByPort(adminPort: () => number): express.RequestHandler {
  return (req, res, next) => {
    const onAdminPort = req.socket.localPort === adminPort();
    const refused = onAdminPort ? /^\/as4(\/|$)/.test(req.path) : ADMIN_PATHS.test(req.path);
    if (!refused) return next();
    res.status(404).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `${req.path} is not served on this port`, instance: req.path }));
  };
}

function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const afterStop: Array<() => Promise<void> | void> = [];

/** Work to do once the application has drained and closed (e.g. stopping a Redis we started). */
export function onStopped(task: () => Promise<void> | void): void {
  afterStop.push(task);
}

/**
 * SIGTERM/SIGINT: drain (in-flight AS4 requests finish, new ones get 503, workers finish or hand back
 * their jobs), close every connection, then exit 0. A second signal exits at once.
 */
function stopOnSignals(app: INestApplicationContext, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'draining and shutting down');
    app
      .close()
      .then(async () => {
        for (const task of afterStop) await task();
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // One of the API's HTTP processes: its supervisor asks it to drain (the terminal's Ctrl-C may
  // have reached it already: then this is no second signal).
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message, CLUSTER_MESSAGES.stop) && !stopping) stop('SIGTERM');
  });
}

/** Entry-point wrapper: a configuration or start-up problem is one clear line, never a stack trace. */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof EmbeddedDatabaseLockedError;
    const message = error instanceof Error ? error.message : String(error);
    // Exit only once the line is written: stderr to a pipe is asynchronous.
    process.stderr.write(redactText(`peppol-ap: ${known ? message : `start-up failed: ${message}`}\n`), () => process.exit(1));
  });
}
