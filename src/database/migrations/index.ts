import { initialSchema } from './001-initial-schema.js';
import { inboundReceipts } from './002-inbound-receipts.js';
import { delivery } from './003-delivery.js';
import { adminSchema } from './004-admin.js';
import { punchoutCatalogueSchema } from './005-punchout-catalogue.js';
import { outboundAs4Schema } from './006-outbound-as4.js';
import { receiptsWithoutClaims } from './007-receipts-without-claims.js';
import { messageFailureShape } from './008-message-failure-shape.js';
import { peppolReporting } from './009-peppol-reporting.js';
import { backendApiSchema } from './010-backend-api.js';
import { messageLevelStatus } from './011-message-level-status.js';
import { participantRoutes } from './012-participant-routes.js';
import { installation } from './013-installation.js';
import { sharedBlobStore } from './014-shared-blob-store.js';
import { retention } from './015-retention.js';
import { operatorAlerts } from './016-operator-alerts.js';

export interface Migration {
  /** Sortable, never reused: the version recorded in schema_migrations. */
  readonly version: number;
  readonly name: string;
  /** One statement per entry, so both engines run them the same way inside one transaction. */
  readonly statements: readonly string[];
}

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initialSchema, inboundReceipts, delivery, adminSchema, punchoutCatalogueSchema, outboundAs4Schema, receiptsWithoutClaims, messageFailureShape, peppolReporting, backendApiSchema, messageLevelStatus, participantRoutes, installation, sharedBlobStore, retention, operatorAlerts];
