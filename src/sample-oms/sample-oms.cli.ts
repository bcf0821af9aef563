import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { WebhookSecretError, assertWebhookSecret, generateWebhookSecret } from '../delivery/webhook/secret.js';
import { sampleOmsConfig } from './sample-oms.config.js';
import { SampleOmsServer } from './server.js';

interface SampleOmsFlags {
  port?: string;
  host?: string;
  secret?: string;
  dataDir?: string;
  testControls?: boolean;
}

export function registerSampleOmsCommands(program: Command): void {
  program
    .command('sample-oms')
    .description('Run the sample OMS that receives and verifies our webhooks (demo, tests, integration reference)')
    .option('--port <port>', 'port to listen on (SAMPLE_OMS_PORT, default 8090; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (SAMPLE_OMS_HOST, default 127.0.0.1)')
    .option('--secret <whsec>', 'webhook signing secret (SAMPLE_OMS_SECRET; generated and printed when unset)')
    .option('--data-dir <dir>', 'where received events are stored (SAMPLE_OMS_DATA_DIR, default ./data/sample-oms)')
    .option('--test-controls', 'enable POST /_control fault injection (SAMPLE_OMS_TEST_CONTROLS)')
    .action(async (flags: SampleOmsFlags) => {
      const config = sampleOmsConfig.load();
      const port = flags.port === undefined ? config.port : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new UsageError(`--port must be a number from 0 to 65535 (got ${flags.port})`);
      }
      const generated = (flags.secret ?? config.secret) === undefined;
      const secret = flags.secret ?? config.secret ?? generateWebhookSecret();
      try {
        assertWebhookSecret(secret);
      } catch (error) {
        if (error instanceof WebhookSecretError) throw new UsageError(`--secret: ${error.message}`);
        throw error;
      }
      const server = new SampleOmsServer({
        ...config,
        port,
        host: flags.host ?? config.host,
        secret,
        dataDir: flags.dataDir ?? config.dataDir,
        testControls: flags.testControls ?? config.testControls,
      });
      let started;
      try {
        started = await server.start();
      } catch (error) {
        throw new UsageError(`cannot start the sample OMS: ${(error as Error).message}`);
      }
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`sample OMS listening on ${started.url}`);
      out(`  webhook endpoint: ${started.url}/webhooks`);
      out(`  orders page:      ${started.url}/   (JSON: /orders, /events)`);
      out(`  data folder:      ${flags.dataDir ?? config.dataDir} (${started.loaded} events loaded)`);
      if (started.skippedLines > 0) out(`  skipped ${started.skippedLines} unreadable line(s) in the data folder`);
      if (generated) out(`  signing secret (generated, configure it on the route): ${secret}`);
      if (flags.testControls ?? config.testControls) out('  test controls enabled: POST /_control');
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          void server.stop().then(resolve);
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      });
      out('sample OMS stopped');
    });
}
