import { ensureRedis } from './app/local-redis.js';
import { onStopped, runMain, startRole } from './app/bootstrap.js';
import { validateConfiguration } from './app/configuration.js';
import { ensureDevPki, readDevPki } from './pki/dev-pki-files.js';
import { pkiConfig } from './pki/pki.config.js';
import { redisConfig } from './redis/redis.config.js';
import { storageConfig } from './storage/storage.config.js';

/**
 * `npm start`: one machine, embedded defaults. Validates configuration, provides what is missing for a
 * first run (local Redis), then hosts the API and the worker roles in this one process.
 */
runMain(async () => {
  const say = (line: string) => process.stdout.write(`peppol-ap: ${line}\n`);
  // No identity configured: run as a development access point on the generated dev PKI.
  if (!process.env.AP_CERT && !process.env.AP_KEY && !process.env.AP_P12 && !process.env.PEPPOL_STAGE) {
    process.env.PEPPOL_STAGE = 'dev';
    say('no AP_CERT/AP_KEY or AP_P12 given: using the development PKI (PEPPOL_STAGE=dev; never for production)');
  }
  validateConfiguration();
  const pki = pkiConfig.load();
  if (pki.stage === 'dev') {
    const made = !(await readDevPki(pki.devDir));
    await ensureDevPki(pki.devDir);
    if (made) say(`generated the development PKI in ${pki.devDir}/`);
  }
  const redisCfg = redisConfig.load();
  // Through sentinels Redis is someone else's (a highly available one): nothing to start here.
  const redis = redisCfg.sentinels.length > 0 ? null : await ensureRedis(redisCfg.url, storageConfig.load().dataDir, say);
  if (redis) onStopped(() => void redis.kill('SIGTERM'));
  const { banner } = await startRole('all');
  say('ready');
  for (const line of banner ?? []) process.stdout.write(`  ${line}\n`);
});
