import { describe, expect, it } from 'vitest';
import { deliveryJobId, jobSeqOf } from './delivery-jobs.js';

const id = '0b5f3c1e-8a43-4c1b-9c55-0f2e5a8b7d10';

describe('delivery job ids', () => {
  it('carry the sequence number, for plain and resume jobs', () => {
    expect(deliveryJobId(id, 3)).toBe(`delivery.s3.${id}`);
    expect(jobSeqOf(deliveryJobId(id, 3))).toBe(3);
    const resume = deliveryJobId(id, 7, new Date(1_700_000_000_000));
    expect(resume).toBe(`delivery.s7r1700000000000.${id}`);
    expect(jobSeqOf(resume)).toBe(7);
  });

  it('differ per sequence number, so a retry never collides with the running job', () => {
    expect(deliveryJobId(id, 1)).not.toBe(deliveryJobId(id, 2));
  });

  it('reject ids of another form', () => {
    expect(jobSeqOf(`delivery.run.${id}`)).toBeNull();
    expect(jobSeqOf(`inbound.s1.${id}`)).toBeNull();
  });
});
