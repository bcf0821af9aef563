import { initialSchema } from './001-initial-schema.js';

export interface Migration {
  /** Sortable, never reused: the version recorded in schema_migrations. */
  readonly version: number;
  readonly name: string;
  /** One statement per entry, so both engines run them the same way inside one transaction. */
  readonly statements: readonly string[];
}

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initialSchema];
