import { createPrivateKey, X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { percentile, rsaBoundMessagesPerSecond, startApi } from '../support/as4-harness.js';
import { TempWorkspaces } from '../../src/as4/io/temp-workspace.js';
import { newMessageId } from '../../src/as4/outbound/ids.js';
import { Clock } from '../../src/common/clock.js';
import { As4HttpTransport } from '../../src/outbound/as4-http-transport.js';
import { As4Sender, type As4Receiver } from '../../src/outbound/as4-sender.js';
import { stageCompressedPayload } from '../../src/outbound/compressed-payload.js';
import { sbdAroundDocument } from '../../src/outbound/sbd-stream.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { PROCESSES, transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';
import type { BenchCase } from '../case.js';

const CONCURRENCY = 32;
const WARMUP = 64;
const MESSAGES = 1_000;
const DOCUMENT_BYTES = 10_000;
const BUYER = '0088:5798000000001';
const SUPPLIER = '0088:7315458756324';
const { documentType: ORDER, process: ORDERING } = transactionRegistry.identifiersOf(TRANSACTIONS.order.id, PROCESSES.ordering);
/**
 * RSA-2048 private-key operations per message, both sides on this machine: our UserMessage signature,
 * the receiver's content-key unwrap and its receipt signature. (Public-key operations — encrypting the
 * key, verifying signatures — cost a few percent of one private operation and are left out.)
 */
const RSA_PRIVATE_OPS_PER_MESSAGE = 3;
/** Private-key operations per iteration of the shared RSA measurement (one unwrap, one signature). */
const RSA_OPS_PER_MEASURED_ITERATION = 2;

/** An order of about `bytes` bytes (UBL 2.1, lines repeated). */
function orderOfSize(bytes: number): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" ' +
    'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
    'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">' +
    `<cbc:CustomizationID>${TRANSACTIONS.order.customizationId}</cbc:CustomizationID><cbc:ProfileID>${PROCESSES.ordering}</cbc:ProfileID><cbc:ID>PO-1</cbc:ID>`;
  const lines: string[] = [];
  let size = head.length + 8;
  for (let i = 1; size < bytes; i++) {
    const line = `<cac:OrderLine><cac:LineItem><cbc:ID>${i}</cbc:ID><cbc:Quantity unitCode="EA">${i % 7 + 1}</cbc:Quantity><cac:Item><cbc:Name>Item number ${i}</cbc:Name></cac:Item></cac:LineItem></cac:OrderLine>`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(`${head}${lines.join('')}</Order>`, 'utf8');
}

/**
 * Outbound AS4 throughput: our sender (SBD, gzip, signature, encryption, POST, receipt verification)
 * to our receiver (the API process: decryption, verification, storage, signed receipt) on loopback,
 * 10 KB orders, 32 in flight. Both sides share the machine's cores, so the RSA-bound ceiling counts
 * the private-key operations of both.
 */
const as4Send: BenchCase = {
  name: 'as4-send',
  async run() {
    const api = await startApi([SUPPLIER]);
    const clock = new Clock();
    const transport = new As4HttpTransport({ connectTimeoutMs: 5_000, responseTimeoutMs: 60_000, maxResponseBytes: 1 << 20, allowHttp: true, maxConnections: CONCURRENCY });
    try {
      const anchor = (pem: string) => ({ cert: parseCertificate(pem), label: 'dev' });
      const trust = new TrustStore([anchor(api.pki.rootCa.certPem)], { ap: [anchor(api.pki.apCa.certPem)], smp: [anchor(api.pki.smpCa.certPem)] });
      const validator = new CertificateValidator(trust, { revocationPolicy: 'off' });
      const identity = { privateKey: createPrivateKey(api.pki.partnerAp.keyPem), certificate: new X509Certificate(api.pki.partnerAp.certPem), subjectCn: api.pki.partnerAp.subjectCn };
      const sender = new As4Sender(transport, () => identity, validator, clock, { replyXml: { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 } });
      const receiver: As4Receiver = { url: `http://127.0.0.1:${api.port}/as4`, certificate: new X509Certificate(api.pki.ourAp.certPem), partyId: api.pki.ourAp.subjectCn };
      const document = orderOfSize(DOCUMENT_BYTES);
      const workspaces = new TempWorkspaces(tmpdir());

      const sendOne = async (): Promise<number> => {
        const started = performance.now();
        const sbd = await sbdAroundDocument(
          { senderId: BUYER, receiverId: SUPPLIER, documentType: ORDER, process: ORDERING, countryC1: 'DK' },
          () => Readable.from([document]),
          { now: clock.now() },
        );
        const payload = await stageCompressedPayload(sbd.open(), { spillThresholdBytes: 1 << 20, maxSbdBytes: 1 << 20, workspaces });
        const outcome = await sender.send({
          messageId: newMessageId('bench.as4'),
          senderId: BUYER,
          receiverId: SUPPLIER,
          documentType: ORDER,
          process: ORDERING,
          payload,
          receiver,
        });
        if (outcome.kind !== 'receipt') throw new Error(`message not delivered: ${JSON.stringify({ ...outcome, reply: undefined })}`);
        return performance.now() - started;
      };
      const sendMany = async (count: number, latencies?: number[]) => {
        let next = 0;
        const worker = async () => {
          while (next++ < count) {
            const ms = await sendOne();
            latencies?.push(ms);
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      };

      await sendMany(WARMUP);
      const latencies: number[] = [];
      const started = performance.now();
      await sendMany(MESSAGES, latencies);
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const throughput = MESSAGES / seconds;
      const rsa = await rsaBoundMessagesPerSecond();
      const limit = (rsa.perSecond * RSA_OPS_PER_MEASURED_ITERATION) / RSA_PRIVATE_OPS_PER_MESSAGE;
      return {
        msgs_per_s: throughput,
        p99_ms: percentile(latencies, 99),
        limit_msgs_per_s: limit,
        ratio: throughput / limit,
        p50_ms: percentile(latencies, 50),
        messages: MESSAGES,
        concurrency: CONCURRENCY,
        document_bytes: document.length,
        rsa_ops_per_message: RSA_PRIVATE_OPS_PER_MESSAGE,
        cores: rsa.cores,
      };
    } finally {
      await transport.close();
      await api.stop();
    }
  },
};

export default as4Send;
