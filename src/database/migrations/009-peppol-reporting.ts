import type { Migration } from './index.js';

export const peppolReporting: Migration = {
  version: 9,
  name: 'Peppol Reporting: every counted transmission as it happens, and the reports sent per period',
  statements: [
    // Written in the commit that records the transmission's outcome (inbound: stored with its receipt;
    // outbound: receipt verified); nothing here can be rebuilt later. No foreign key to messages: the
    // record outlives any clean-up of message rows. One per message: a retried send counts once.
    `CREATE TABLE peppol_transmissions (
       message_id            uuid PRIMARY KEY,
       exchanged_at          timestamptz NOT NULL,  -- receipt verified (sending) / message received (receiving), UTC
       direction             text NOT NULL CHECK (direction IN ('sending', 'receiving')),
       c2_seat_id            text NOT NULL,         -- sending AP: CN of its signing certificate
       c3_seat_id            text NOT NULL,         -- receiving AP: CN of its certificate
       document_type_scheme  text NOT NULL,
       document_type_value   text NOT NULL,
       process_scheme        text NOT NULL,
       process_value         text NOT NULL,
       transport_profile     text NOT NULL,
       c1_country            text NOT NULL,         -- SBDH COUNTRY_C1, ZZ when a received one had none
       c4_country            text,                  -- receiving only; NULL when unknown
       end_user_id           text NOT NULL,         -- C1 (sending) or C4 (receiving), never written into a report
       counts_end_user       boolean NOT NULL       -- false for Message Level Status: counted in the TSR only
     )`,
    `CREATE INDEX peppol_transmissions_exchanged ON peppol_transmissions (exchanged_at)`,
    // The reports of a period as last generated or sent: the latest send replaces the earlier one
    // (the messages of earlier sends stay, with their receipts).
    `CREATE TABLE reporting_periods (
       period            text PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
       tsr_message_id    uuid,
       eusr_message_id   uuid,
       summary           jsonb,                     -- the counts the reports were built from
       sends             integer NOT NULL DEFAULT 0,
       requested_by      text,                      -- 'schedule' or the operator's key
       failure           jsonb,                     -- { stage, code, message } of the last try that failed before sending
       updated_at        timestamptz NOT NULL DEFAULT now()
     )`,
  ],
};
