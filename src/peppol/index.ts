/**
 * Every Peppol fact this access point uses, written once: identifier schemes, seat and participant
 * id rules, processes and the transaction table with its registry. A leaf: it imports nothing from
 * the rest of src. The Nest module that provides the registry is in peppol.module.ts.
 */
export * from './identifiers.js';
export * from './participant-schemes.js';
export * from './seat-ids.js';
export * from './transactions.js';
export * from './transaction-registry.js';
export * from './message-level-status.js';
export * from './reporting.js';
export * from './response-codes.js';
export * from './document-parties.js';
