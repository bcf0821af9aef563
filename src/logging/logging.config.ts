import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const loggingConfig = defineConfig(
  'logging',
  { LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info') },
  (v) => ({ level: v.LOG_LEVEL }),
);
