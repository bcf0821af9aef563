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
import { BACKEND_ROLE, isKeyRole, KEY_ROLES } from './auth/roles.js';
import { ParticipantRepository } from '../participants/participant-repository.js';
import { normalizeParticipant } from '../peppol/index.js';

async function withKeys<T>(work: (keys: ApiKeyRepository, db: Database) => Promise<T>): Promise<T> {
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
    return await work(new ApiKeyRepository(db, new Clock()), db);
  } finally {
    await db.close();
  }
}

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('Admin API keys');
  admin
    .command('create-key')
    .description('Create an API key and print it once (only its hash is stored)')
    .requiredOption('--role <role>', `one of ${KEY_ROLES.join(', ')}`)
    .option('--participant <id>', `with --role ${BACKEND_ROLE}: a served participant the key acts for (repeat for more)`, (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--label <label>', 'what the key is for', '')
    .option('--json', 'print JSON', false)
    .action(async (opts: { role: string; participant: string[]; label: string; json: boolean }) => {
      if (!isKeyRole(opts.role)) throw new UsageError(`--role must be one of ${KEY_ROLES.join(', ')}, not ${JSON.stringify(opts.role)}`);
      if (opts.label.length > 200) throw new UsageError('--label is longer than 200 characters');
      const role = opts.role;
      if (role === BACKEND_ROLE && opts.participant.length === 0) throw new UsageError(`a ${BACKEND_ROLE} key needs --participant (the participants it acts for)`);
      if (role !== BACKEND_ROLE && opts.participant.length > 0) throw new UsageError(`--participant is only for --role ${BACKEND_ROLE}`);
      const participants = opts.participant.map((p) => {
        if (!/^[0-9]{4}:[^\s:/?#]{1,128}$/.test(p.trim())) throw new UsageError(`--participant ${JSON.stringify(p)}: expected a participant id like 0088:7315458756324`);
        return normalizeParticipant(p.trim());
      });
      const { record, key } = await withKeys(async (keys, db) => {
        const served = new ParticipantRepository(db);
        for (const id of participants) if (!(await served.get(id))) throw new UsageError(`--participant ${id} is not a participant served here (add it first)`);
        return keys.create(role, { label: opts.label, source: 'cli', createdBy: 'cli', participants });
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ id: record.id, role: record.role, participants: record.participants, label: record.label, key })}\n`);
        return;
      }
      const scope = record.participants.length > 0 ? ` for ${record.participants.join(', ')}` : '';
      process.stdout.write(`created ${record.role} key ${record.id}${scope}; it is shown only now:\n${key}\n`);
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
        const scope = k.participants.length > 0 ? `  [${k.participants.join(' ')}]` : '';
        process.stdout.write(`${k.id}  ${k.role.padEnd(8)} ${k.source.padEnd(6)} ${state}  ${k.label}${scope}\n`);
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
