import { AS4_TRANSPORT_PROFILE, sameIdentifier, type PeppolIdentifier } from '../peppol/index.js';
import { DiscoveryError } from './discovery.errors.js';
import type { SmpEndpoint } from './smp-xml.js';
import type { ServiceInformation } from './smp-client.js';

export interface SelectedEndpoint {
  endpoint: SmpEndpoint;
  /** The process the endpoint was registered for (undefined: the SMP 2 entry covers every process). */
  process?: PeppolIdentifier;
}

/**
 * Picks the AS4 endpoint for a (document type, process): the metadata must be about that document
 * type and participant, a process entry must match (when a process is asked for), the endpoint must
 * use `peppol-transport-as4-v2_0` and be active now.
 */
export function selectAs4Endpoint(
  metadata: ServiceInformation,
  wanted: { participant: PeppolIdentifier; documentType: PeppolIdentifier; process?: PeppolIdentifier },
  now: Date,
): SelectedEndpoint {
  if (metadata.participant.value.toLowerCase() !== wanted.participant.value.toLowerCase()) {
    throw new DiscoveryError('smp-bad-response', `SMP answered for participant ${metadata.participant.value}, not ${wanted.participant.value}`);
  }
  if (!sameIdentifier(metadata.documentType, wanted.documentType)) {
    throw new DiscoveryError('smp-bad-response', `SMP answered for document type ${metadata.documentType.value}, not the one asked`);
  }
  const processes = wanted.process
    ? metadata.processes.filter((p) => !p.process || sameIdentifier(p.process, wanted.process!))
    : metadata.processes;
  if (processes.length === 0) {
    const offered = metadata.processes.map((p) => p.process?.value ?? '*').join(', ');
    throw new DiscoveryError('no-matching-process', `participant does not accept process ${wanted.process!.value} for this document type (registered: ${offered})`);
  }
  const as4 = processes.flatMap((p) => p.endpoints.filter((e) => e.transportProfile === AS4_TRANSPORT_PROFILE).map((endpoint) => ({ endpoint, process: p.process })));
  if (as4.length === 0) {
    const profiles = [...new Set(processes.flatMap((p) => p.endpoints.map((e) => e.transportProfile)))].join(', ') || 'none';
    throw new DiscoveryError('no-as4-endpoint', `no ${AS4_TRANSPORT_PROFILE} endpoint registered (transport profiles found: ${profiles})`);
  }
  const active = as4.filter(({ endpoint }) => (!endpoint.activation || endpoint.activation <= now) && (!endpoint.expiration || endpoint.expiration > now));
  if (active.length === 0) {
    const e = as4[0]!.endpoint;
    throw new DiscoveryError(
      'endpoint-not-active',
      `the AS4 endpoint is not active now (activation ${e.activation?.toISOString() ?? '-'}, expiration ${e.expiration?.toISOString() ?? '-'})`,
    );
  }
  return active[0]!;
}
