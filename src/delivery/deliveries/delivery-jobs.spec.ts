import { describe, expect, it } from 'vitest';
import { deliveryAttemptJob, readDeliveryAttemptJob } from './delivery-jobs.js';

const id = '0b5f3c1e-8a43-4c1b-9c55-0f2e5a8b7d10';

describe('delivery attempt jobs', () => {
  it('carry the delivery and its sequence number in the payload, for plain and resume jobs', () => {
    expect(deliveryAttemptJob({ id, jobSeq: 3 })).toEqual({ payload: { deliveryId: id, jobSeq: 3 }, jobId: `delivery.s3.${id}` });
    const resume = deliveryAttemptJob({ id, jobSeq: 7 }, new Date(1_700_000_000_000));
    expect(resume).toEqual({ payload: { deliveryId: id, jobSeq: 7 }, jobId: `delivery.s7r1700000000000.${id}` });
  });

  it('have ids that differ per sequence number, so a retry never collides with the running job', () => {
    expect(deliveryAttemptJob({ id, jobSeq: 1 }).jobId).not.toBe(deliveryAttemptJob({ id, jobSeq: 2 }).jobId);
  });

  it('read back only payloads of their own shape', () => {
    expect(readDeliveryAttemptJob({ deliveryId: id, jobSeq: 4 })).toEqual({ deliveryId: id, jobSeq: 4 });
    expect(readDeliveryAttemptJob({ deliveryId: id })).toBeNull();
    expect(readDeliveryAttemptJob({ deliveryId: id, jobSeq: '4' })).toBeNull();
    expect(readDeliveryAttemptJob({ deliveryId: 'not-an-id', jobSeq: 4 })).toBeNull();
    expect(readDeliveryAttemptJob({ request: 'order-created', messageId: id })).toBeNull();
    expect(readDeliveryAttemptJob(null)).toBeNull();
  });
});
