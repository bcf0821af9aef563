import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsService } from './metrics.service.js';

describe('MetricsService', () => {
  it('names every metric of the product peppol_ap_… (Node’s process metrics keep their standard names)', async () => {
    const metrics = new MetricsService();
    const names = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    const ours = names.filter((name) => !/^(process|nodejs)_/.test(name));
    expect(ours.length).toBeGreaterThan(10);
    expect(ours.filter((name) => !name.startsWith('peppol_ap_'))).toEqual([]);
    for (const name of ['peppol_ap_build_info', 'peppol_ap_queue_oldest_waiting_seconds', 'peppol_ap_webhook_attempts_total', 'peppol_ap_webhook_attempt_duration_seconds', 'peppol_ap_webhook_breaker_state', 'peppol_ap_validations_total', 'peppol_ap_validation_duration_seconds']) {
      expect(names).toContain(name);
    }
  });

  it('says which build runs', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const text = (await new MetricsService().render()).body;
    expect(text).toContain(`peppol_ap_build_info{version="${version}",node="${process.versions.node}"} 1`);
  });
});
