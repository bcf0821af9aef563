import type { BenchCase } from '../case.js';
import { measureAs4Inbound } from '../support/as4-inbound-load.js';

/**
 * The `as4-inbound` load against the floor receiver (bench/support/floor-receiver.ts: only the work no
 * receiver can skip, on the same PostgreSQL, Redis and disk), then against the API in the same run:
 * how far the API's CPU per message is above what any receiver of these messages spends here.
 */
const as4InboundFloor: BenchCase = {
  name: 'as4-inbound-floor',
  async run() {
    const floor = await measureAs4Inbound('floor');
    const api = await measureAs4Inbound('api');
    return {
      floor_cpu_ms_per_msg: floor.api_cpu_ms_per_msg!,
      floor_msgs_per_s: floor.msgs_per_s!,
      floor_p99_ms: floor.p99_ms!,
      floor_ratio: floor.ratio!,
      api_cpu_ms_per_msg: api.api_cpu_ms_per_msg!,
      api_msgs_per_s: api.msgs_per_s!,
      api_p99_ms: api.p99_ms!,
      api_ratio: api.ratio!,
      api_vs_floor_cpu: Number(api.api_cpu_ms_per_msg) / Number(floor.api_cpu_ms_per_msg),
      processes: api.api_processes!,
      cores: api.cores!,
    };
  },
};

export default as4InboundFloor;
