import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import type { CatalogueLimits } from './catalogue-reader.js';
import type { CatalogueResponseLimits } from './catalogue-response.js';

export const catalogueConfig = defineConfig(
  'catalogue',
  {
    CATALOGUE_MAX_BYTES: env.int(512 * 1024 * 1024, 1_024, 8 * 1024 * 1024 * 1024),
    CATALOGUE_MAX_LINES: env.int(200_000, 1, 10_000_000),
    CATALOGUE_MAX_DEPTH: env.int(32, 8, 1_000),
    /** Most elements in the header or in any one line. */
    CATALOGUE_MAX_ELEMENTS_PER_PART: env.int(5_000, 50, 1_000_000),
    /** Most text characters in the header or in any one line (embedded attachments excluded). */
    CATALOGUE_MAX_CHARS_PER_PART: env.int(1_000_000, 1_000, 100_000_000),
    CATALOGUE_RESPONSE_MAX_NOTES: env.int(50, 1, 1_000),
    CATALOGUE_RESPONSE_MAX_NOTE_LENGTH: env.int(1_000, 50, 100_000),
  },
  (v) => ({
    limits: {
      maxBytes: v.CATALOGUE_MAX_BYTES,
      maxLines: v.CATALOGUE_MAX_LINES,
      maxDepth: v.CATALOGUE_MAX_DEPTH,
      maxElementsPerPart: v.CATALOGUE_MAX_ELEMENTS_PER_PART,
      maxCharsPerPart: v.CATALOGUE_MAX_CHARS_PER_PART,
    } satisfies CatalogueLimits,
    responseLimits: { maxNotes: v.CATALOGUE_RESPONSE_MAX_NOTES, maxNoteLength: v.CATALOGUE_RESPONSE_MAX_NOTE_LENGTH } satisfies CatalogueResponseLimits,
  }),
);

export type CatalogueConfig = ConfigOf<typeof catalogueConfig>;
