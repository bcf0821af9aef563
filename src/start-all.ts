import { ensureRedis } from './app/local-redis.js';
import { onStopped, runMain, startRole } from './app/bootstrap.js';
import { validateConfiguration } from './config/all-configs.js';
import { redisConfig } from './redis/redis.config.js';
import { storageConfig } from './storage/storage.config.js';

/**
 * `npm start`: one machine, embedded defaults. Validates configuration, provides what is missing for a
 * first run (local Redis), then hosts the API and the worker roles in this one process.
 */
runMain(async () => {
  validateConfiguration();
  const say = (line: string) => process.stdout.write(`peppol-ap: ${line}\n`);
  const redis = await ensureRedis(redisConfig.load().url, storageConfig.load().dataDir, say);
  if (redis) onStopped(() => void redis.kill('SIGTERM'));
  await startRole('all');
});
