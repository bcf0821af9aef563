import type { Migration } from './index.js';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: participants, messages, timeline, documents, jobs outbox',
  statements: [
    `CREATE TABLE participants (
       id            text PRIMARY KEY,              -- iso6523-actorid-upis value, lower-cased, e.g. 0088:7315458756324
       name          text NOT NULL DEFAULT '',
       enabled       boolean NOT NULL DEFAULT true,
       created_at    timestamptz NOT NULL DEFAULT now(),
       updated_at    timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE participant_document_types (
       participant_id   text NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
       document_type_id text NOT NULL,              -- scheme::value
       process_id       text NOT NULL,              -- scheme::value
       PRIMARY KEY (participant_id, document_type_id, process_id)
     )`,
    `CREATE TABLE messages (
       id                uuid PRIMARY KEY,
       direction         text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
       kind              text NOT NULL,             -- cart, catalogue, order, catalogue-response, order-response, other
       state             text NOT NULL,
       as4_message_id    text,
       conversation_id   text,
       sending_ap        text,                      -- C2 party id (AP certificate CN)
       receiving_ap      text,                      -- C3 party id
       sender_id         text,                      -- C1 participant
       receiver_id       text,                      -- C4 participant
       document_type_id  text,
       process_id        text,
       sbdh_instance_id  text,
       country_c1        text,
       raw_sha256        text,                      -- the message as received or sent, byte-exact
       payload_sha256    text,                      -- the business document (SBD) bytes
       payload_size      bigint,
       signal_sha256     text,                      -- receipt or error signal returned or received
       related_message_id uuid REFERENCES messages(id),
       validation        jsonb,
       failure           jsonb,
       attributes        jsonb NOT NULL DEFAULT '{}'::jsonb,
       created_at        timestamptz NOT NULL DEFAULT now(),
       updated_at        timestamptz NOT NULL DEFAULT now()
     )`,
    // Duplicate detection: one inbound message per (sending AP, AS4 MessageId).
    `CREATE UNIQUE INDEX messages_inbound_as4_id ON messages (sending_ap, as4_message_id) WHERE direction = 'inbound'`,
    `CREATE INDEX messages_state ON messages (state, updated_at)`,
    `CREATE INDEX messages_created ON messages (created_at DESC, id DESC)`,
    `CREATE INDEX messages_related ON messages (related_message_id)`,
    `CREATE TABLE message_events (
       id          bigserial PRIMARY KEY,
       message_id  uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
       at          timestamptz NOT NULL DEFAULT now(),
       from_state  text,
       to_state    text NOT NULL,
       actor       text NOT NULL,
       reason      text,
       data        jsonb
     )`,
    `CREATE INDEX message_events_message ON message_events (message_id, id)`,
    `CREATE TABLE message_documents (
       message_id  uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
       role        text NOT NULL,                 -- received-raw, sbd, order, catalogue-response, receipt, ...
       sha256      text NOT NULL,
       media_type  text NOT NULL,
       size        bigint NOT NULL,
       created_at  timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (message_id, role)
     )`,
  ],
};
