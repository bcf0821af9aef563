import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { openStandalone } from '../app/standalone.js';
import { UsageError } from '../common/usage-error.js';
import { EmbeddedDatabaseLockedError } from '../database/embedded-database.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { PkiModule } from '../pki/pki.module.js';
import { ReportingModule } from './reporting.module.js';
import { PeriodRefusedError, ReportInvalidError, ReportingService } from './reporting.service.js';
import { TransmissionsModule } from './transmissions.module.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

/** Opens the reporting module over the configured database, runs `work`, and turns refusals into one-line usage errors. */
async function withReporting(work: (reporting: ReportingService) => Promise<void>): Promise<void> {
  let app: INestApplicationContext;
  try {
    app = await openStandalone([TransmissionsModule, PkiModule, OutboundModule, ReportingModule]);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await work(app.get(ReportingService));
  } catch (error) {
    if (error instanceof PeriodRefusedError || error instanceof ReportInvalidError) throw new UsageError(error.message);
    throw error;
  } finally {
    await app.close();
  }
}

/**
 * `peppol-ap reporting generate --period YYYY-MM --out DIR` (the TSR and EUSR of a period as they
 * would be sent, checked against the official rules) and `peppol-ap reporting send --period YYYY-MM`
 * (send them now; an earlier send of the period is replaced).
 */
export function registerReportingCommands(program: Command): void {
  const reporting = program.command('reporting').description('Peppol Reporting: the monthly TSR and EUSR');
  reporting
    .command('generate')
    .description('write the TSR and EUSR of a period (built from the recorded transmissions) to DIR and check them; exit 1 when one fails its rules')
    .requiredOption('--period <YYYY-MM>', 'the month (UTC)')
    .requiredOption('--out <dir>', 'folder for tsr-YYYY-MM.xml and eusr-YYYY-MM.xml')
    .action(async (flags: { period: string; out: string }) => {
      await withReporting(async (service) => {
        const reports = await service.reports(service.period(flags.period));
        mkdirSync(flags.out, { recursive: true });
        const checked = await service.check(reports);
        for (const [name, xml, report] of [
          ['tsr', reports.tsrXml, checked.tsr],
          ['eusr', reports.eusrXml, checked.eusr],
        ] as const) {
          const file = path.join(flags.out, `${name}-${reports.period.id}.xml`);
          writeFileSync(file, xml);
          const fatal = report.fired.filter((f) => f.flag === 'fatal');
          out(`${file}: ${fatal.length ? `INVALID ${fatal.map((f) => f.id).join(' ')}` : 'valid'}`);
          if (fatal.length) process.exitCode = 1;
        }
        out(`TSR ${reports.tsr.total.incoming} incoming, ${reports.tsr.total.outgoing} outgoing; EUSR ${reports.eusr.fullSet.sending} sending, ${reports.eusr.fullSet.receiving} receiving, ${reports.eusr.fullSet.sendingOrReceiving} end users`);
      });
    });
  reporting
    .command('send')
    .description('send the TSR and EUSR of a closed period now (replacing an earlier send); the worker sends them over AS4')
    .requiredOption('--period <YYYY-MM>', 'the month (UTC)')
    .action(async (flags: { period: string }) => {
      await withReporting(async (service) => {
        const outcome = await service.send(flags.period, { requestedBy: 'cli', resend: true });
        out(`reports of ${outcome.view.period} handed over (send ${outcome.view.sends}): TSR ${outcome.view.tsr?.messageId}, EUSR ${outcome.view.eusr?.messageId}`);
      });
    });
}
