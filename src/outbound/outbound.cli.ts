import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { as4Config } from '../as4/as4.config.js';
import { newMessageId } from '../as4/outbound/ids.js';
import { TempWorkspaces } from '../as4/io/temp-workspace.js';
import { UsageError } from '../common/usage-error.js';
import { IDENTIFIER_SCHEMES, PROCESSES, type PeppolIdentifier } from '../peppol/index.js';
import { Clock } from '../common/clock.js';
import { discoveryConfig } from '../discovery/discovery.config.js';
import { createDiscovery } from '../discovery/discovery.factory.js';
import { parseDocumentType, parseParticipant, parseProcess } from '../discovery/identifiers.js';
import { ApIdentity } from '../pki/ap-identity.js';
import { pkiConfig } from '../pki/pki.config.js';
import { createPkiServices } from '../pki/pki.factory.js';
import { As4HttpTransport, As4EndpointUrlError } from './as4-http-transport.js';
import { As4Sender } from './as4-sender.js';
import { BusinessDocumentError } from './business-document-head.js';
import { stageCompressedPayload } from './compressed-payload.js';
import { EndpointResolutionError, EndpointResolver, type ExplicitEndpoint } from './endpoint-resolver.js';
import { outboundConfig } from './outbound.config.js';
import { sbdAroundDocument } from './sbd-stream.js';
import { describeOutcome } from './send-outcome.js';

interface SendOptions {
  from: string;
  to: string;
  doctype: string;
  process: string;
  endpoint?: string;
  cert?: string;
  country?: string;
  messageId?: string;
  json: boolean;
}

const MAX_PEM_BYTES = 65_536;

export function registerOutboundCommands(program: Command): void {
  program
    .command('send')
    .description('Send a business document over AS4: SML/SMP discovery (or an explicit endpoint), signed receipt verified')
    .argument('<file>', 'the business document (UBL XML, UTF-8); it is wrapped in an SBDH')
    .requiredOption('--from <participant>', 'sending participant (C1), e.g. 0088:5798000000001')
    .requiredOption('--to <participant>', 'receiving participant (C4)')
    .requiredOption('--doctype <id>', `document type id (${IDENTIFIER_SCHEMES.documentType} value or scheme::value)`)
    .requiredOption('--process <id>', `process id, e.g. ${PROCESSES.ordering}`)
    .option('--endpoint <url>', 'send here instead of looking the receiver up (needs --cert)')
    .option('--cert <pem-file>', "the receiving access point's certificate (with --endpoint)")
    .option('--country <code>', 'COUNTRY_C1 of the sender (default AS4_SEND_DEFAULT_COUNTRY_C1)')
    .option('--message-id <id>', 'AS4 MessageId to use (to repeat an earlier attempt)')
    .option('--json', 'print the result as JSON', false)
    .action(async (file: string, opts: SendOptions) => {
      const code = await sendCommand(file, opts, process.env);
      if (code !== 0) process.exitCode = code;
    });
}

async function sendCommand(file: string, opts: SendOptions, env: NodeJS.ProcessEnv): Promise<number> {
  const clock = new Clock();
  const outbound = outboundConfig.load(env);
  let sender: PeppolIdentifier, receiver: PeppolIdentifier, documentType: PeppolIdentifier, processId: PeppolIdentifier;
  try {
    sender = parseParticipant(opts.from);
    receiver = parseParticipant(opts.to);
    documentType = parseDocumentType(opts.doctype);
    processId = parseProcess(opts.process);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((opts.endpoint === undefined) !== (opts.cert === undefined)) throw new UsageError('--endpoint and --cert go together');
  const country = (opts.country ?? outbound.defaultCountryC1)?.toUpperCase();
  if (!country) throw new UsageError('the sender country is needed for the SBDH: give --country or set AS4_SEND_DEFAULT_COUNTRY_C1');
  const size = await stat(file).then(
    (s) => s.size,
    (error: Error) => {
      throw new UsageError(`${file}: ${error.message}`);
    },
  );
  if (size > outbound.maxDocumentBytes) throw new UsageError(`${file} is ${size} bytes, over AS4_SEND_MAX_DOCUMENT_BYTES (${outbound.maxDocumentBytes})`);
  let explicit: ExplicitEndpoint | undefined;
  if (opts.endpoint && opts.cert) {
    const pem = await readFile(opts.cert, 'utf8').catch((error: Error) => {
      throw new UsageError(`--cert ${opts.cert}: ${error.message}`);
    });
    if (pem.length > MAX_PEM_BYTES) throw new UsageError(`--cert ${opts.cert} is larger than ${MAX_PEM_BYTES} bytes`);
    explicit = { url: opts.endpoint, certificatePem: pem };
  }

  const pkiCfg = pkiConfig.load(env);
  const pki = await createPkiServices(pkiCfg, { clock, warnings: { warn: (_d, message) => process.stderr.write(`warning: ${message}\n`) } });
  const identity = await ApIdentity.load(pkiCfg, { clock, keystore: pki.keystore });
  const transport = new As4HttpTransport(outbound.http);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (explicit) transport.checkUrl(explicit.url);
    const resolver = new EndpointResolver(createDiscovery(discoveryConfig.load(env), pki, { clock }), pki.validator, clock);
    const as4Sender = new As4Sender(transport, () => identity.signing(), pki.validator, clock, { replyXml: outbound.replyXml });
    const messageId = opts.messageId ?? newMessageId(as4Config.load(env).messageIdDomain);

    const endpoint = await resolver.resolve({ receiver, documentType, process: processId }, explicit);
    const sbd = await sbdAroundDocument(
      { senderId: sender.value, receiverId: receiver.value, documentType, process: processId, countryC1: country },
      () => createReadStream(file),
      { now: clock.now() },
    );
    const payload = await stageCompressedPayload(sbd.open(), {
      spillThresholdBytes: outbound.spillThresholdBytes,
      maxSbdBytes: outbound.maxDocumentBytes + 65_536,
      workspaces: new TempWorkspaces(outbound.tempDir),
    });
    let outcome;
    try {
      outcome = await as4Sender.send({ messageId, senderId: sender.value, receiverId: receiver.value, documentType, process: processId, payload, receiver: endpoint });
    } finally {
      await payload.dispose();
    }
    const delivered = outcome.kind === 'receipt';
    if (opts.json) {
      out(
        JSON.stringify({
          outcome: delivered ? 'delivered' : 'failed',
          messageId,
          sbdhInstanceIdentifier: sbd.instanceIdentifier,
          endpoint: { url: endpoint.url, receiver: endpoint.partyId, source: endpoint.source },
          ...(outcome.kind === 'receipt' ? { receiptMessageId: outcome.receiptMessageId } : { error: { kind: outcome.kind, ...('code' in outcome ? { code: outcome.code } : {}), message: describeOutcome(outcome), retryable: outcome.retryable } }),
        }),
      );
    } else {
      for (const step of endpoint.trace) out(`how          ${step}`);
      for (const warning of endpoint.warnings) out(`warning      ${warning}`);
      out(`endpoint     ${endpoint.url} (receiver ${endpoint.partyId})`);
      out(`message id   ${messageId}`);
      out(`outcome      ${delivered ? 'delivered' : 'failed'}: ${describeOutcome(outcome)}`);
      if (outcome.kind === 'receipt') out(`receipt      ${outcome.receiptMessageId}`);
      else if (outcome.retryable) out('retry        the same --message-id may succeed later');
    }
    return delivered ? 0 : 1;
  } catch (error) {
    if (error instanceof EndpointResolutionError) {
      out(opts.json ? JSON.stringify({ outcome: 'not-sent', error: { code: error.code, message: error.message, retryable: error.retryable } }) : `not sent: ${error.code}: ${error.message}`);
      return 1;
    }
    if (error instanceof BusinessDocumentError || error instanceof As4EndpointUrlError) throw new UsageError(error.message);
    throw error;
  } finally {
    await transport.close();
  }
}
