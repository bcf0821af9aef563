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
  apiUrl?: string;
  apiKey?: string;
}

const ANSWERING_HELP = `
Answering orders: given the access point's URL and a backend key for the OMS's participant
(peppol-ap admin create-key --role backend --participant 0088:…), each order on the page gets
Accept, Reject and Change quantity buttons. A button posts to the sample OMS, which calls
  POST <api-url>/api/v1/orders/<messageId>/response
  Authorization: Bearer <api-key>
  {"code":"accepted"} | {"code":"rejected","note":"…"} | {"code":"changed","lines":[{"lineId":"2","code":"changed","quantity":"4"}]}
with the order's messageId from its webhook event; the access point writes the Order Response (T76),
checks it against the official rules and sends it to the buyer. The reply is shown beside the order.`;

export function registerSampleOmsCommands(program: Command): void {
  program
    .command('sample-oms')
    .description('Run the sample OMS that receives and verifies our webhooks (demo, tests, integration reference)')
    .option('--port <port>', 'port to listen on (SAMPLE_OMS_PORT, default 8090; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (SAMPLE_OMS_HOST, default 127.0.0.1)')
    .option('--secret <whsec>', 'webhook signing secret (SAMPLE_OMS_SECRET; generated and printed when unset)')
    .option('--data-dir <dir>', 'where received events are stored (SAMPLE_OMS_DATA_DIR, default ./data/sample-oms)')
    .option('--test-controls', 'enable POST /_control fault injection (SAMPLE_OMS_TEST_CONTROLS)')
    .option('--api-url <url>', "the access point's base URL, to answer orders through its back-end API (SAMPLE_OMS_API_URL)")
    .option('--api-key <key>', 'a backend key of the access point for the OMS participant (SAMPLE_OMS_API_KEY)')
    .addHelpText('after', ANSWERING_HELP)
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
        accessPoint: answeringTarget(flags, config.accessPoint),
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
      const target = answeringTarget(flags, config.accessPoint);
      out(target ? `  answers orders:   through ${target.url}/api/v1/orders/{messageId}/response` : '  answers orders:   no (give --api-url and --api-key to get the buttons)');
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

/** Where answers go: flags over configuration; URL and key go together. */
function answeringTarget(flags: SampleOmsFlags, configured: { url: string; apiKey: string } | undefined): { url: string; apiKey: string } | undefined {
  const url = flags.apiUrl ?? configured?.url;
  const apiKey = flags.apiKey ?? configured?.apiKey;
  if ((url === undefined) !== (apiKey === undefined)) throw new UsageError('--api-url and --api-key go together (SAMPLE_OMS_API_URL, SAMPLE_OMS_API_KEY)');
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) throw new UsageError(`--api-url must be an http(s) URL, not ${JSON.stringify(url)}`);
  return url && apiKey ? { url, apiKey } : undefined;
}
