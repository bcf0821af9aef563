import { z } from 'zod';
import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

const PARTICIPANT = /^[0-9]{4}:[^\s:]{1,128}$/;

export const participantsConfig = defineConfig(
  'participants',
  {
    /** Participants served from the first start, each accepting every transaction we process. */
    SERVED_PARTICIPANTS: env.list([]).pipe(
      z.array(z.string().regex(PARTICIPANT, { message: 'expected participant ids like 0088:7315458756324' })),
    ),
    /** How long an answer to "do we serve this participant and document type?" is reused (0: ask the database every time). */
    PARTICIPANTS_LOOKUP_CACHE_SECONDS: env.int(5, 0, 3600),
  },
  (v) => ({ seed: v.SERVED_PARTICIPANTS, lookupCacheMs: v.PARTICIPANTS_LOOKUP_CACHE_SECONDS * 1000 }),
);
