import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

const MiB = 1024 * 1024;

/** The back-end API (`/api/v1`): how large a submitted document may be, and page sizes. */
export const backendApiConfig = defineConfig(
  'backend-api',
  {
    /** Largest UBL document accepted by POST /api/v1/documents (larger: 413). */
    BACKEND_API_MAX_DOCUMENT_BYTES: env.int(10 * MiB, 1_024, 100 * MiB),
    /** Documents per page of GET /api/v1/documents when the caller gives no limit. */
    BACKEND_API_PAGE_SIZE: env.int(50, 1, 500),
  },
  (v) => ({
    maxDocumentBytes: v.BACKEND_API_MAX_DOCUMENT_BYTES,
    pageSize: v.BACKEND_API_PAGE_SIZE,
  }),
);

export type BackendApiConfig = ConfigOf<typeof backendApiConfig>;
