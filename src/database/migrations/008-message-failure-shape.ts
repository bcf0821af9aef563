import type { Migration } from './index.js';

/**
 * Every stored failure in the one shape `{ stage, code, message, attempt? }`. Before, the workflows
 * wrote `{ stage, reason, attempt }`, the reconciler `{ stage: <state>, reason, requeues }`, sends
 * and deliveries `{ code, message }` without a stage. The stage a failure lacks is the one its
 * message's state and facts point to (as the readers presumed it).
 */
export const messageFailureShape: Migration = {
  version: 8,
  name: 'message failures in one shape: stage, code, message, attempt',
  statements: [
    `UPDATE messages SET failure = jsonb_strip_nulls(jsonb_build_object(
       'stage', CASE
         WHEN failure->>'stage' IN ('reception', 'validation', 'approval', 'conversion', 'catalogue', 'response', 'sending', 'delivery') THEN failure->>'stage'
         -- the reconciler stored the state whose work did not progress
         WHEN failure->>'stage' = 'received' THEN 'validation'
         WHEN failure->>'stage' = 'validated' AND kind = 'cart' THEN 'approval'
         WHEN failure->>'stage' IN ('validated', 'rejected') THEN 'catalogue'
         WHEN failure->>'stage' IN ('approved', 'changed') THEN 'conversion'
         WHEN failure->>'stage' = 'created' THEN 'delivery'
         WHEN state = 'send-failed' THEN 'sending'
         WHEN state = 'delivery-failed' THEN 'delivery'
         WHEN validation->>'valid' = 'false' THEN 'validation'
         WHEN direction = 'inbound' THEN 'conversion'
         ELSE 'sending'
       END,
       'code', COALESCE(NULLIF(failure->>'code', ''), CASE WHEN failure->'requeues' IS NOT NULL THEN 'stalled' ELSE 'failed' END),
       'message', COALESCE(NULLIF(failure->>'message', ''), NULLIF(failure->>'reason', ''), NULLIF(failure->>'code', ''), 'failed'),
       'attempt', CASE WHEN jsonb_typeof(failure->'attempt') = 'number' AND (failure->>'attempt')::numeric >= 1 THEN (failure->>'attempt')::numeric::int END
     ))
     WHERE failure IS NOT NULL AND jsonb_typeof(failure) = 'object'`,
    // Anything else stored as a failure says nothing a reader can use.
    `UPDATE messages SET failure = NULL WHERE failure IS NOT NULL AND jsonb_typeof(failure) <> 'object'`,
  ],
};
