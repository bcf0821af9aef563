import type { Migration } from './index.js';

export const outboundAs4Schema: Migration = {
  version: 6,
  name: 'outbound AS4: one MessageId per sent message, and every send attempt with its outcome',
  statements: [
    // The MessageId is chosen before the first attempt and kept for every retry: unique per message we send.
    `CREATE UNIQUE INDEX messages_outbound_as4_id ON messages (as4_message_id) WHERE direction = 'outbound' AND as4_message_id IS NOT NULL`,
    `CREATE TABLE outbound_attempts (
       id             bigserial PRIMARY KEY,
       message_id     uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
       number         integer NOT NULL CHECK (number >= 1),
       started_at     timestamptz NOT NULL,
       duration_ms    integer NOT NULL CHECK (duration_ms >= 0),
       endpoint_url   text,
       receiving_ap   text,                   -- CN of the receiver certificate (AS4 To/PartyId)
       outcome        text NOT NULL,          -- receipt, ebms-error, invalid-receipt, http-error, transport-error, discovery-failed, refused
       retryable      boolean NOT NULL,
       http_status    integer,
       ebms_code      text,                   -- EBMS:0004, EBMS:0302 (our verdict on the receipt), ...
       detail         text,
       signal_sha256  text                    -- the reply (receipt or error signal) in the blob store
     )`,
    `CREATE INDEX outbound_attempts_message ON outbound_attempts (message_id, id)`,
  ],
};
