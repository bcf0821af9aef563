import { fileURLToPath } from 'node:url';
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../common/usage-error.js';
import { Clock } from '../common/clock.js';
import { BuyerConfigError, formatOrderNumber, parseBuyerConfig, type BuyerConfig } from './buyer-config.js';
import { cartChangeSchema, type CartChange } from './cart-changes.js';
import { convertCartDocument } from './convert-cart.js';
import { PunchoutError } from './errors.js';
import { punchoutConfig } from './punchout.config.js';

interface ToOrderOptions {
  buyerConfig?: string;
  orderId?: string;
  sequence: string;
  issueDate?: string;
  issueTime?: string;
  changes?: string;
}

/** The commented example of a buyer configuration, shipped beside this command. */
export const BUYER_CONFIG_EXAMPLE = fileURLToPath(new URL('./buyer-config.example.json', import.meta.url));

/** What to change on the command line for a conversion that failed: the option or the configuration file. */
export function toOrderHint(error: PunchoutError): string {
  if (error.details.field === 'cbc:IssueDate' || error.code === 'cart-expired') return ' (give the order date with --issue-date YYYY-MM-DD)';
  if (error.details.field === 'cbc:IssueTime') return ' (give the order time with --issue-time hh:mm:ss)';
  if (error.code === 'missing-configuration') {
    return ` (buyer configuration: --buyer-config FILE or PUNCHOUT_BUYER_CONFIG; a commented example is ${BUYER_CONFIG_EXAMPLE})`;
  }
  return '';
}

export function registerPunchoutCommands(program: Command): void {
  const punchout = program.command('punchout').description('Punch-out carts (Peppol BIS T77) and the orders made from them');
  punchout
    .command('to-order')
    .description('Convert a punch-out cart (T77) into a Peppol BIS order (T01) and print it to stdout')
    .argument('<cart>', 'cart XML file')
    .option('--buyer-config <file>', 'buyer configuration (JSON); default $PUNCHOUT_BUYER_CONFIG')
    .option('--order-id <id>', 'order number; default from the configured series and --sequence')
    .option('--sequence <n>', 'sequence number in the order series', '1')
    .option('--issue-date <date>', 'order date YYYY-MM-DD (default today, UTC)')
    .option('--issue-time <time>', 'order time hh:mm:ss (default now, UTC)')
    .option('--changes <file>', 'buyer changes (JSON array of {kind: set-quantity|set-price|remove, lineId, quantity|price})')
    .action(async (cartFile: string, opts: ToOrderOptions) => {
      const config = punchoutConfig.load();
      const buyerConfig = await loadBuyerConfig(opts.buyerConfig ?? config.buyerConfigFile, config.maxBuyerConfigBytes);
      const changes = opts.changes ? await loadChanges(opts.changes, config.maxBuyerConfigBytes) : undefined;
      const now = new Clock().now().toISOString();
      const sequence = Number(opts.sequence);
      let orderId = opts.orderId;
      if (!orderId) {
        try {
          orderId = formatOrderNumber(buyerConfig.orderNumber, sequence);
        } catch (error) {
          throw new UsageError(`--sequence: ${(error as Error).message}`);
        }
      }
      const cart = await readBounded(cartFile, config.cartLimits.maxBytes);
      try {
        const { xml, changeLog } = convertCartDocument(
          cart,
          buyerConfig,
          { orderId, issueDate: opts.issueDate ?? now.slice(0, 10), issueTime: opts.issueTime ?? now.slice(11, 19), changes },
          config.cartLimits,
        );
        for (const change of changeLog) process.stderr.write(`change: ${change}\n`);
        process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
      } catch (error) {
        if (error instanceof PunchoutError) throw new Error(`cannot make an order of ${cartFile}: ${error.message}${toOrderHint(error)}`);
        throw error;
      }
    });
}

async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file} is not a file`);
    if (info.size > maxBytes) throw new UsageError(`${file} is ${info.size} bytes, more than the limit of ${maxBytes}`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readJson(file: string, maxBytes: number): Promise<unknown> {
  const content = await readBounded(file, maxBytes);
  try {
    return JSON.parse(content.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function loadBuyerConfig(file: string | undefined, maxBytes: number): Promise<BuyerConfig> {
  try {
    return parseBuyerConfig(file ? await readJson(file, maxBytes) : {});
  } catch (error) {
    if (error instanceof BuyerConfigError) throw new UsageError(`${file ?? 'default configuration'}: ${error.message}`);
    throw error;
  }
}

async function loadChanges(file: string, maxBytes: number): Promise<CartChange[]> {
  const parsed = z.array(cartChangeSchema).max(100_000).safeParse(await readJson(file, maxBytes));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
