import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/define-config.js';
import { apiProcessCount } from './api-processes.js';

const PG = { DATABASE_URL: 'postgres://db/ap' };

describe('API_PROCESSES', () => {
  it('defaults to one HTTP process per core on PostgreSQL', () => {
    expect(apiProcessCount({ ...PG }, 8)).toBe(8);
    expect(apiProcessCount({ ...PG, API_PROCESSES: '0' }, 2)).toBe(2);
  });

  it('takes an explicit count', () => {
    expect(apiProcessCount({ ...PG, API_PROCESSES: '3' }, 8)).toBe(3);
    expect(apiProcessCount({ ...PG, API_PROCESSES: '1' }, 8)).toBe(1);
  });

  it('runs one process on the embedded database, and refuses more', () => {
    expect(apiProcessCount({}, 8)).toBe(1);
    expect(() => apiProcessCount({ API_PROCESSES: '2' }, 8)).toThrow(ConfigError);
    expect(() => apiProcessCount({ API_PROCESSES: '2' }, 8)).toThrow(/API_PROCESSES.*DATABASE_URL/);
  });
});
