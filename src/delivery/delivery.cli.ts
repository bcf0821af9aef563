import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { openStandalone } from '../app/standalone.js';
import { UsageError } from '../common/usage-error.js';
import { EmbeddedDatabaseLockedError } from '../database/embedded-database.js';
import { DeliveryError } from './delivery.errors.js';
import { DeliveryModule } from './delivery.module.js';
import { DeliveryService } from './delivery.service.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function instant(flag: string, value: string): Date {
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`${flag} must be an ISO 8601 date or instant with its offset, e.g. 2026-11-23T10:00:00Z (got ${value})`);
  }
  return at;
}

/** Opens the delivery module, runs `work`, and turns known failures into one-line usage errors. */
async function withServices(work: (services: { service: DeliveryService }) => Promise<void>): Promise<void> {
  let app: INestApplicationContext;
  try {
    app = await openStandalone([DeliveryModule]);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await work({ service: app.get(DeliveryService) });
  } catch (error) {
    if (error instanceof DeliveryError) throw new UsageError(error.message);
    throw error;
  } finally {
    await app.close();
  }
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * `peppol-ap replay delivery ID` and `peppol-ap replay endpoint ROUTE_ID --from --to`: start failed
 * webhook deliveries again (same body, same webhook-id); the worker sends them.
 */
export function registerDeliveryCommands(program: Command): void {
  const replay = program.command('replay').description('Deliver failed webhook events again, with the same webhook-id');
  replay
    .command('delivery <id>')
    .description('replay one delivery (failed or delivered)')
    .action(async (id: string) => {
      await withServices(async ({ service }) => {
        const delivery = await service.replayDelivery(id);
        out(`replaying delivery ${delivery.id} (${delivery.eventType}, ${delivery.webhookId}), run ${delivery.generation}`);
      });
    });
  replay
    .command('endpoint <routeId>')
    .description('replay every delivery of a route that failed in a time range')
    .requiredOption('--from <iso>', 'start of the range (failures at or after)')
    .requiredOption('--to <iso>', 'end of the range (failures before)')
    .option('--json', 'print the outcome as JSON')
    .action(async (routeId: string, flags: { from: string; to: string; json?: boolean }) => {
      const from = instant('--from', flags.from);
      const to = instant('--to', flags.to);
      await withServices(async ({ service }) => {
        const result = await service.replayRoute(routeId, from, to);
        if (flags.json) return out(JSON.stringify(result));
        out(`replaying ${result.replayed.length} failed deliveries of route ${routeId}`);
        for (const skipped of result.skipped) out(`  skipped ${skipped.id}: ${skipped.reason}`);
        if (result.more) out('  more failed deliveries are in the range: run the command again once these are done');
      });
    });
}
