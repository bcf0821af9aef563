import { Injectable } from '@nestjs/common';
import { Database } from './database.js';

/**
 * The identity of this installation: one id per database, made by migration 013. API and worker
 * processes of one installation share it; another installation (another database) has another one.
 * The only code with SQL on `installation`.
 */
@Injectable()
export class Installation {
  private cached?: Promise<{ id: string; createdAt: Date }>;

  constructor(private readonly db: Database) {}

  private read(): Promise<{ id: string; createdAt: Date }> {
    this.cached ??= this.db.query<{ id: string; created_at: Date | string }>('SELECT id, created_at FROM installation').then((rows) => {
      const row = rows[0];
      if (!row) throw new Error('the installation table is empty: the database schema is not migrated');
      return { id: row.id, createdAt: new Date(row.created_at) };
    });
    this.cached.catch(() => (this.cached = undefined));
    return this.cached;
  }

  async id(): Promise<string> {
    return (await this.read()).id;
  }

  async createdAt(): Promise<Date> {
    return (await this.read()).createdAt;
  }
}
