import { jobIdFor, QUEUES, type DeliveryAttemptJob } from '../../queue/queues.js';
import type { Delivery } from './delivery.model.js';

/**
 * The queue job of a delivery's current attempt. Every scheduling step gets the next sequence number,
 * so re-enqueueing never collides with the job that is running, and a stale job recognises itself by
 * the number it carries. A "resume" job waits for the claim of a worker that may have died, under the
 * same number. The id only deduplicates: nothing is ever read back out of it.
 */
export function deliveryAttemptJob(delivery: Pick<Delivery, 'id' | 'jobSeq'>, resumeAt?: Date): { payload: DeliveryAttemptJob; jobId: string } {
  const stage = resumeAt ? `s${delivery.jobSeq}r${resumeAt.getTime()}` : `s${delivery.jobSeq}`;
  return { payload: { deliveryId: delivery.id, jobSeq: delivery.jobSeq }, jobId: jobIdFor(QUEUES.delivery, delivery.id, stage) };
}

/** A payload as it comes out of Redis: the right shape, or null (e.g. a job left from an older release). */
export function readDeliveryAttemptJob(payload: unknown): DeliveryAttemptJob | null {
  if (!payload || typeof payload !== 'object') return null;
  const { deliveryId, jobSeq } = payload as Partial<Record<keyof DeliveryAttemptJob, unknown>>;
  if (typeof deliveryId !== 'string' || !/^[0-9a-f-]{36}$/i.test(deliveryId)) return null;
  if (typeof jobSeq !== 'number' || !Number.isSafeInteger(jobSeq) || jobSeq < 0) return null;
  return { deliveryId, jobSeq };
}
