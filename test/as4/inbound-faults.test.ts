import { beforeAll, describe, expect, it } from 'vitest';
import { readSignalEnvelope, readSignalErrors } from '../../src/as4/signals/signal-reader.js';
import { FAULTS } from './support/negative-fixtures.js';
import { createScenario, type Scenario } from './support/scenario.js';

const limits = { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 };

describe('AS4 inbound: negative fixtures, one per fault', () => {
  const scenarios = new Map<string, Scenario>();
  beforeAll(async () => {
    for (const fault of FAULTS) scenarios.set(fault.name, await createScenario(fault.env));
  });

  it.each(FAULTS.map((f) => [f.name, f] as const))('%s', async (_name, fault) => {
    const s = scenarios.get(fault.name)!;
    const storedBefore = s.store.records.size;
    const reply = await fault.send(s);
    expect(reply.outcome).toBe('error');
    expect(reply.error?.code).toBe(fault.code);
    expect(reply.status).toBe(fault.status ?? 200);
    const signal = readSignalEnvelope(reply.body, limits);
    const [error] = readSignalErrors(signal.signalMessage);
    expect(error?.code).toBe(fault.code);
    if (fault.detail) expect(error?.detail).toBe(fault.detail);
    expect(s.store.records.size).toBe(storedBefore);
    expect(s.enqueuer.jobs).toHaveLength(0);
    expect(s.store.keptReceipts()).toBe(0);
  });
});
