import { Global, Module } from '@nestjs/common';
import {
  AccessPointKeys,
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  SenderCertificateValidator,
} from '../as4/receive/ports.js';
import { ParticipantRepository } from '../participants/participant-repository.js';
import { ApIdentity } from '../pki/ap-identity.js';
import { CertificateValidator } from '../pki/certificate-validator.js';
import { BlobInboundMessageStore } from './blob-inbound-message-store.js';
import { DbDuplicateRegistry } from './db-duplicate-registry.js';
import { PkiSenderCertificateValidator } from './pki-sender-certificate-validator.js';
import { QueueInboundJobEnqueuer } from './queue-inbound-job-enqueuer.js';
import { GroupCommitMetrics } from './group-commit-metrics.js';
import { receivePortsConfig } from './receive-ports.config.js';

/**
 * Binds every port of the AS4 receive pipeline (`as4/receive/ports.ts`) to the application: our keys
 * and the sender-certificate check to the PKI, the served-participant lookup to the participants
 * table, duplicate detection and the durable store to the database and the blob store, the hand-over
 * to the queue. The store and the enqueuer group concurrent requests into one commit (receive-ports.config.ts).
 */
@Global()
@Module({
  providers: [
    receivePortsConfig.provider,
    GroupCommitMetrics,
    // ApIdentity has the AccessPointKeys shape: signs with the active pair, decrypts with both during a rollover.
    { provide: AccessPointKeys, useExisting: ApIdentity },
    { provide: SenderCertificateValidator, inject: [CertificateValidator], useFactory: (v: CertificateValidator) => new PkiSenderCertificateValidator(v) },
    { provide: ParticipantDirectory, useExisting: ParticipantRepository },
    DbDuplicateRegistry,
    { provide: DuplicateRegistry, useExisting: DbDuplicateRegistry },
    { provide: InboundMessageStore, useClass: BlobInboundMessageStore },
    { provide: InboundJobEnqueuer, useClass: QueueInboundJobEnqueuer },
  ],
  exports: [AccessPointKeys, SenderCertificateValidator, ParticipantDirectory, DuplicateRegistry, InboundMessageStore, InboundJobEnqueuer, DbDuplicateRegistry],
})
export class ReceivePortsModule {}
