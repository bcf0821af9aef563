import { jobIdFor, QUEUES } from '../../queue/queues.js';

/**
 * Queue job ids of a delivery. Every scheduling step gets the next sequence number, so re-enqueueing
 * never collides with the job that is running, and a stale job recognises itself by its number.
 * A "resume" job waits for the claim of a worker that may have died, under the same number.
 */
export function deliveryJobId(deliveryId: string, jobSeq: number, resumeAt?: Date): string {
  return jobIdFor(QUEUES.delivery, deliveryId, resumeAt ? `s${jobSeq}r${resumeAt.getTime()}` : `s${jobSeq}`);
}

/** The sequence number in a job id made by deliveryJobId, or null for any other id. */
export function jobSeqOf(jobId: string): number | null {
  const match = /^delivery\.s(\d{1,9})(?:r\d+)?\./.exec(jobId);
  return match ? Number(match[1]) : null;
}
