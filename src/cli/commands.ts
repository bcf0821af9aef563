import type { Command } from 'commander';
import { registerAdminCommands } from '../admin/admin.cli.js';
import { registerCatalogueCommands } from '../catalogue/catalogue.cli.js';
import { registerDeliveryCommands } from '../delivery/delivery.cli.js';
import { registerDiscoveryCommands } from '../discovery/discovery.cli.js';
import { registerOutboundCommands } from '../outbound/outbound.cli.js';
import { registerPkiCommands } from '../pki/pki.cli.js';
import { registerPunchoutCommands } from '../punchout/punchout.cli.js';
import { registerReportingCommands } from '../reporting/reporting.cli.js';
import { registerSampleOmsCommands } from '../sample-oms/sample-oms.cli.js';
import { registerValidationCommands } from '../validation/validation.cli.js';

/**
 * Every feature that offers operator commands registers them here: one line per feature, each a
 * function `(program: Command) => void` exported from that feature's `*.cli.ts` file.
 */
export const commandRegistrars: Array<(program: Command) => void> = [
  registerPkiCommands,
  registerDiscoveryCommands,
  registerOutboundCommands,
  registerPunchoutCommands,
  registerCatalogueCommands,
  registerSampleOmsCommands,
  registerDeliveryCommands,
  registerValidationCommands,
  registerAdminCommands,
  registerReportingCommands,
];
