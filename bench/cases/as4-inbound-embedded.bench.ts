import type { BenchCase } from '../case.js';
import { measureAs4Inbound } from '../support/as4-inbound-load.js';

/**
 * The same load as `as4-inbound` against what `npm start` runs by default (API and worker in one
 * process, embedded database, local Redis), compared with the PostgreSQL API measured in the same run.
 */
const as4InboundEmbedded: BenchCase = {
  name: 'as4-inbound-embedded',
  async run() {
    const postgres = await measureAs4Inbound('api');
    if (postgres.db !== 'postgres') throw new Error('the PostgreSQL reference needs PostgreSQL (AS4_BENCH_DATABASE_URL)');
    const embedded = await measureAs4Inbound('all');
    return {
      msgs_per_s: embedded.msgs_per_s!,
      p50_ms: embedded.p50_ms!,
      p99_ms: embedded.p99_ms!,
      ratio_vs_postgres: Number(embedded.msgs_per_s) / Number(postgres.msgs_per_s),
      postgres_msgs_per_s: postgres.msgs_per_s!,
      postgres_api_processes: postgres.api_processes!,
      cpu_ms_per_msg: embedded.api_cpu_ms_per_msg!,
      ratio: embedded.ratio!,
      cores: embedded.cores!,
    };
  },
};

export default as4InboundEmbedded;
