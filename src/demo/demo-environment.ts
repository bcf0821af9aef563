import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ensureRedis } from '../app/local-redis.js';
import { startRole } from '../app/bootstrap.js';
import { validateConfiguration } from '../app/configuration.js';
import { RouteService } from '../delivery/routes/route.service.js';
import { generateWebhookSecret } from '../delivery/webhook/secret.js';
import { MessageRepository } from '../messages/message-repository.js';
import { ensureDevPki } from '../pki/dev-pki-files.js';
import type { DevPki } from '../pki/dev-pki.js';
import { redisConfig } from '../redis/redis.config.js';
import { sampleOmsConfig } from '../sample-oms/sample-oms.config.js';
import { SampleOmsServer } from '../sample-oms/server.js';
import { DEMO_BUYER, DEMO_SUPPLIER, demoBuyerConfigFile } from './scenario.js';

export interface DemoEnvironment {
  /** Base URL of our access point (AS4 at `/as4`). */
  base: string;
  omsUrl: string;
  routeId: string;
  pki: DevPki;
  app: INestApplication;
  messages: MessageRepository;
  /** Closes the application, then what it ran on. */
  stop(): Promise<void>;
  /** Stops the sample OMS and the Redis we started, for when the application was closed already. */
  stopAround(): Promise<void>;
}

/** Starts the sample OMS on its usual port, or on any free port when that one is taken. */
async function startSampleOms(dataDir: string, secret: string): Promise<{ server: SampleOmsServer; url: string }> {
  const config = sampleOmsConfig.load();
  for (const port of [config.port, 0]) {
    const server = new SampleOmsServer({ ...config, port, secret, dataDir, testControls: false });
    try {
      return { server, url: (await server.start()).url };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error('no port for the sample OMS');
}

/**
 * A development access point in this process (API and worker roles, embedded database in `dir`,
 * dev PKI, local Redis when none runs) with the demo buyer and supplier served, automatic approval
 * of the supplier's carts, and the sample OMS behind the supplier's webhook route.
 */
export async function startDemoEnvironment(dir: string, say: (line: string) => void): Promise<DemoEnvironment> {
  const pkiDir = path.join(dir, 'pki');
  const pki = await ensureDevPki(pkiDir);
  const secret = generateWebhookSecret();
  const oms = await startSampleOms(path.join(dir, 'sample-oms'), secret);
  const buyerConfigFile = path.join(dir, 'buyers.json');
  await writeFile(buyerConfigFile, JSON.stringify(demoBuyerConfigFile(), null, 2));
  const settings: Record<string, string> = {
    PEPPOL_STAGE: 'dev',
    PKI_DEV_DIR: pkiDir,
    DATA_DIR: dir,
    PORT: process.env.PORT ?? '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    QUEUE_PREFIX: `peppol-ap-demo-${randomBytes(3).toString('hex')}`,
    SERVED_PARTICIPANTS: `${DEMO_BUYER},${DEMO_SUPPLIER}`,
    WORKFLOW_BUYER_CONFIG_FILE: buyerConfigFile,
    WEBHOOK_ALLOW_HTTP: 'true',
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  validateConfiguration();
  const redis = await ensureRedis(redisConfig.load().url, dir, say);
  const started = await startRole('all');
  const app = started.app as INestApplication;
  const stopAround = async () => {
    await oms.server.stop();
    redis?.kill('SIGTERM');
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const { route } = await app.get(RouteService).create({ kind: 'webhook', supplierId: DEMO_SUPPLIER, url: `${oms.url}/webhooks`, secret, name: 'sample OMS' });
  return {
    base: `http://127.0.0.1:${started.port}`,
    omsUrl: oms.url,
    routeId: route.id,
    pki,
    app,
    messages: app.get(MessageRepository),
    stop: async () => {
      await app.close();
      await stopAround();
    },
    stopAround,
  };
}
