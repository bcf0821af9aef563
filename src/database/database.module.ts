import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigOf } from '../config/define-config.js';
import { databaseConfig } from './database.config.js';
import { Database } from './database.js';
import { EmbeddedDatabase } from './embedded-database.js';
import { Installation } from './installation.js';
import { migrate } from './migrator.js';
import { PostgresDatabase } from './postgres-database.js';

/** Opens the configured engine and brings its schema up to date before anything uses it. */
export async function openDatabase(cfg: ConfigOf<typeof databaseConfig>): Promise<Database> {
  const db = cfg.url
    ? new PostgresDatabase(cfg.url, { poolSize: cfg.poolSize, statementTimeoutMs: cfg.statementTimeoutMs })
    : await EmbeddedDatabase.open(cfg.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

@Global()
@Module({
  providers: [
    databaseConfig.provider,
    {
      provide: Database,
      inject: [databaseConfig.KEY],
      useFactory: (cfg: ConfigOf<typeof databaseConfig>) => openDatabase(cfg),
    },
    DatabaseCloser,
    Installation,
  ],
  exports: [Database, Installation],
})
export class DatabaseModule {}
