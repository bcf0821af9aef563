import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { Clock } from '../common/clock.js';
import { IDENTIFIER_SCHEMES, PROCESSES } from '../peppol/index.js';
import { createPkiServices } from '../pki/pki.factory.js';
import { pkiConfig } from '../pki/pki.config.js';
import { discoveryConfig } from './discovery.config.js';
import { DiscoveryError } from './discovery.errors.js';
import { createDiscovery } from './discovery.factory.js';
import type { DiscoveredEndpoint } from './discovery.service.js';
import { parseDocumentType, parseParticipant, parseProcess } from './identifiers.js';

export function registerDiscoveryCommands(program: Command): void {
  program
    .command('lookup')
    .description('Find where a participant receives a document type: SML, SMP, AS4 endpoint and certificate, and why')
    .argument('<participant>', `participant id, e.g. 0088:7315458756324 or ${IDENTIFIER_SCHEMES.participant}::0088:7315458756324`)
    .argument('[doctype]', 'document type id; without it, the registered document types are listed')
    .option('--process <id>', `process id the endpoint must serve (e.g. ${PROCESSES.ordering})`)
    .option('--smp <url>', 'ask this SMP directly instead of the SML')
    .option('--json', 'print the result as JSON', false)
    .action(async (participantArg: string, doctypeArg: string | undefined, opts: { process?: string; smp?: string; json: boolean }) => {
      const env = opts.smp ? { ...process.env, SMP_FIXED_URL: opts.smp } : process.env;
      const clock = new Clock();
      let participant, documentType, processId;
      try {
        participant = parseParticipant(participantArg);
        documentType = doctypeArg ? parseDocumentType(doctypeArg) : undefined;
        processId = opts.process ? parseProcess(opts.process) : undefined;
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const pki = await createPkiServices(pkiConfig.load(env), {
        clock,
        warnings: { warn: (_d, message) => process.stderr.write(`warning: ${message}\n`) },
      });
      const discovery = createDiscovery(discoveryConfig.load(env), pki, { clock });
      const out = (line: string): void => {
        process.stdout.write(`${line}\n`);
      };
      try {
        if (!documentType) {
          const { location, group, url } = await discovery.listDocumentTypes(participant);
          if (opts.json) {
            out(JSON.stringify({ smp: location, serviceGroupUrl: url, ...group }, null, 2));
            return;
          }
          out(`participant   ${participant.scheme}::${participant.value}`);
          out(`SMP           ${location.smpUrl} (${location.method}${location.dnsName ? ` via ${location.dnsName}` : ''})`);
          out(`service group ${url} (${group.format}, unsigned by design)`);
          out(`document types: ${group.documentTypes.length}`);
          for (const d of group.documentTypes) out(`  ${d.scheme}::${d.value}`);
          return;
        }
        const found = await discovery.lookup(participant, documentType, processId);
        if (opts.json) out(JSON.stringify(found, null, 2));
        else printFound(found, out);
      } catch (error) {
        if (!(error instanceof DiscoveryError)) throw error;
        if (opts.json) out(JSON.stringify({ error: error.code, message: error.message }));
        else out(`not reachable: ${error.code}: ${error.message}`);
        process.exitCode = 1;
      }
    });
}

function printFound(found: DiscoveredEndpoint, out: (line: string) => void): void {
  out(`participant   ${found.participant.scheme}::${found.participant.value}`);
  out(`document type ${found.documentType.scheme}::${found.documentType.value}`);
  if (found.process) out(`process       ${found.process.scheme}::${found.process.value}`);
  out('how:');
  for (const step of found.trace) out(`  ${step}`);
  out(`endpoint      ${found.endpoint.url} (${found.endpoint.transportProfile})`);
  out(`receiver      ${found.endpoint.receiverCn} (AS4 To/PartyId)`);
  if (found.endpoint.activation || found.endpoint.expiration) {
    out(`active        ${found.endpoint.activation?.toISOString() ?? '-'} .. ${found.endpoint.expiration?.toISOString() ?? '-'}`);
  }
  if (found.endpoint.technicalContact) out(`contact       ${found.endpoint.technicalContact}`);
  for (const warning of found.warnings) out(`warning       ${warning}`);
  out('certificate:');
  out(found.endpoint.certificatePem.trimEnd());
}
