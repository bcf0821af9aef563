import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { Clock } from '../common/clock.js';
import { databaseConfig } from '../database/database.config.js';
import type { Database } from '../database/database.js';
import { openDatabase } from '../database/database.module.js';
import { EmbeddedDatabaseLockedError } from '../database/embedded-database.js';
import { httpConfig } from '../http/http.config.js';
import { ApiKeyRepository } from './auth/api-key-repository.js';
import { revocationProblem } from './auth/key-policy.js';
import { ADMIN_ROLES, isAdminRole } from './auth/roles.js';

async function withKeys<T>(work: (keys: ApiKeyRepository) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase(databaseConfig.load());
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) {
      // The running access point holds the embedded database: say exactly how to get there instead.
      const port = httpConfig.load().port;
      throw new UsageError(
        [
          `the access point is running and holds the embedded database (${(error as Error).message.replace(/;.*$/, '')}).`,
          'Either:',
          `  - with an admin key (a new installation's first start printed one): curl -X POST http://localhost:${port}/admin/keys -H 'X-API-Key: <admin key>' -H 'Content-Type: application/json' -d '{"role":"admin"}'`,
          '    (or Swagger UI at /docs: Authorize, then POST /admin/keys; list and revoke keys there too)',
          '  - or stop the access point (Ctrl-C) and run this command again',
        ].join('\n'),
      );
    }
    throw new UsageError(`cannot open the database (check DATABASE_URL / DATA_DIR): ${(error as Error).message}`);
  }
  try {
    return await work(new ApiKeyRepository(db, new Clock()));
  } finally {
    await db.close();
  }
}

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('Admin API keys');
  admin
    .command('create-key')
    .description('Create an API key and print it once (only its hash is stored)')
    .requiredOption('--role <role>', `one of ${ADMIN_ROLES.join(', ')}`)
    .option('--label <label>', 'what the key is for', '')
    .option('--json', 'print JSON', false)
    .action(async (opts: { role: string; label: string; json: boolean }) => {
      if (!isAdminRole(opts.role)) throw new UsageError(`--role must be one of ${ADMIN_ROLES.join(', ')}, not ${JSON.stringify(opts.role)}`);
      if (opts.label.length > 200) throw new UsageError('--label is longer than 200 characters');
      const role = opts.role;
      const { record, key } = await withKeys((keys) => keys.create(role, { label: opts.label, source: 'cli', createdBy: 'cli' }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ id: record.id, role: record.role, label: record.label, key })}\n`);
        return;
      }
      process.stdout.write(`created ${record.role} key ${record.id}; it is shown only now:\n${key}\n`);
    });
  admin
    .command('list-keys')
    .description('List API keys (never their secrets)')
    .option('--all', 'include revoked keys', false)
    .option('--json', 'print JSON', false)
    .action(async (opts: { all: boolean; json: boolean }) => {
      const list = await withKeys((keys) => keys.list({ includeRevoked: opts.all }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list)}\n`);
        return;
      }
      for (const k of list) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : `last used ${k.lastUsedAt?.toISOString() ?? 'never'}`;
        process.stdout.write(`${k.id}  ${k.role.padEnd(8)} ${k.source.padEnd(6)} ${state}  ${k.label}\n`);
      }
    });
  admin
    .command('revoke-key')
    .description('Revoke an API key at once')
    .argument('<id>', 'key id (the 12 characters after pap_)')
    .action(async (id: string) => {
      await withKeys(async (keys) => {
        const key = await keys.get(id);
        if (!key || key.revokedAt) throw new UsageError(`no active key ${id}`);
        const problem = await revocationProblem(keys, key);
        if (problem) throw new UsageError(problem);
        await keys.revoke(id);
      });
      process.stdout.write(`revoked key ${id}\n`);
    });
}
