import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { participantsConfig } from '../../src/participants/participants.config.js';
import { parseSchemeAndValue, transactionRegistry } from '../../src/peppol/index.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const BUYER = '0088:5798000000001';
const [first, second] = transactionRegistry.acceptedDocuments();
const query = (participant: string, doc = first!) => ({
  participant: { scheme: 'iso6523-actorid-upis', value: participant },
  documentType: parseSchemeAndValue(doc.documentTypeId),
  process: parseSchemeAndValue(doc.processId),
});

describe('served-participant lookup (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers served, document type not accepted, and unknown or disabled participant', async () => {
    const repo = new ParticipantRepository(db.db);
    expect(await repo.lookup(query(BUYER))).toBe('unknown-participant');
    await repo.upsert(BUYER, { documents: [first!] });
    expect(await repo.lookup(query(BUYER))).toBe('served');
    expect(await repo.lookup(query(BUYER.toUpperCase()))).toBe('served');
    expect(await repo.lookup(query(BUYER, second!))).toBe('document-type-not-accepted');
    await repo.upsert(BUYER, { enabled: false, documents: [first!] });
    expect(await repo.lookup(query(BUYER))).toBe('unknown-participant');
    await repo.remove(BUYER);
  });

  it('reuses answers for the configured time; changes through the same repository apply at once', async () => {
    const cached = new ParticipantRepository(db.db, participantsConfig.load({ PARTICIPANTS_LOOKUP_CACHE_SECONDS: '60' }));
    const other = new ParticipantRepository(db.db);
    const participant = '0088:7315458756324';
    expect(await cached.lookup(query(participant))).toBe('unknown-participant');
    // Another process adds it: this one keeps its remembered answer until it expires.
    await other.upsert(participant, { documents: [first!] });
    expect(await cached.lookup(query(participant))).toBe('unknown-participant');
    // A change made here clears what was remembered.
    await cached.upsert(participant, { documents: [first!, second!] });
    expect(await cached.lookup(query(participant))).toBe('served');
    await cached.remove(participant);
    expect(await cached.lookup(query(participant))).toBe('unknown-participant');
  });

  it('asks the database every time when the cache is off', async () => {
    const uncached = new ParticipantRepository(db.db, participantsConfig.load({ PARTICIPANTS_LOOKUP_CACHE_SECONDS: '0' }));
    const other = new ParticipantRepository(db.db);
    const participant = '0088:1234567890128';
    expect(await uncached.lookup(query(participant))).toBe('unknown-participant');
    await other.upsert(participant, { documents: [first!] });
    expect(await uncached.lookup(query(participant))).toBe('served');
  });
});
