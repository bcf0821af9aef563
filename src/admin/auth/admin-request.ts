import type { Request } from 'express';
import type { ApiKeyRecord } from './api-key-repository.js';

/** What the admin API attaches to a request while handling it. */
export interface AdminRequest extends Request {
  adminKey?: ApiKeyRecord;
  /** Set by a handler for the audit record: what it acted on and its state before and after. */
  audit?: { target?: string; before?: unknown; after?: unknown };
}
