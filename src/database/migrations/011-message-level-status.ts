import type { Migration } from './index.js';

export const messageLevelStatus: Migration = {
  version: 11,
  name: 'Message Level Status: sent documents found by their SBDH InstanceIdentifier',
  statements: [
    // An MLS names the document it is about by the InstanceIdentifier of the SBDH we sent it in.
    `CREATE INDEX IF NOT EXISTS messages_outbound_sbdh_instance ON messages (sbdh_instance_id) WHERE direction = 'outbound'`,
  ],
};
