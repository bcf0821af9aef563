import { buildMls } from '../../src/mls/mls-builder.js';
import type { MessageLevelStatus } from '../../src/mls/mls-model.js';

/** An MLS as another access point (seat PDK000001, SPID 000001) would send it to us (000002). */
export function mlsAbout(instanceId: string, change: Partial<MessageLevelStatus> = {}): Buffer {
  return Buffer.from(
    buildMls({
      id: `mls-${instanceId}`,
      issueDate: '2026-07-01',
      issueTime: '10:00:00Z',
      senderSpid: '000001',
      receiverSpid: '000002',
      responseCode: 'RE',
      description: 'Rejected by validation: 2 business rule errors',
      referencedInstanceId: instanceId,
      issues: [
        { reason: 'BV', location: '/Order/cbc:ID', description: '[PEPPOL-T01-R001] an id', ruleId: 'PEPPOL-T01-R001' },
        { reason: 'BV', location: '/Order/cac:OrderLine[1]', description: '[PEPPOL-T01-R003] a quantity', ruleId: 'PEPPOL-T01-R003' },
      ],
      ...change,
    }),
    'utf8',
  );
}

export { until, WebhookSink } from '../support/webhook-sink.js';
