import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_CHARS } from '../admin/audit/audit-repository.js';
import { auditParts, type PurgedMessage } from './retention.service.js';

const message = (i: number, as4Length = 40): PurgedMessage => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  kind: 'order-response',
  direction: 'outbound',
  state: 'delivery-failed',
  as4MessageId: `${'x'.repeat(as4Length)}@sender.example`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
});

describe('the audit entries of a purged batch', () => {
  it('one entry for a batch that fits, in order', () => {
    const batch = Array.from({ length: 10 }, (_, i) => message(i));
    expect(auditParts(batch)).toEqual([batch]);
    expect(auditParts([])).toEqual([]);
  });

  it('a batch too large for one snapshot (long AS4 MessageIds) is split, every message kept, each part fitting', () => {
    const batch = Array.from({ length: 200 }, (_, i) => message(i, 600));
    const parts = auditParts(batch);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual(batch);
    for (const part of parts) expect(JSON.stringify({ messages: part }).length).toBeLessThan(MAX_SNAPSHOT_CHARS - 1_000);
  });
});
