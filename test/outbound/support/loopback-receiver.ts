import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { DOMParser } from '@xmldom/xmldom';
import { PkiSenderCertificateValidator } from '../../../src/receive-ports/pki-sender-certificate-validator.js';
import { as4Config } from '../../../src/as4/as4.config.js';
import { ReceivePipeline } from '../../../src/as4/receive/receive-pipeline.js';
import { AccessPointKeys, type As4KeyPair } from '../../../src/as4/receive/ports.js';
import { TempWorkspaces } from '../../../src/as4/io/temp-workspace.js';
import type { PeppolIdentifier } from '../../../src/peppol/index.js';
import { NS } from '../../../src/as4/protocol/namespaces.js';
import { buildReceipt } from '../../../src/as4/signals/receipt-builder.js';
import { readSignalEnvelope } from '../../../src/as4/signals/signal-reader.js';
import { Clock } from '../../../src/common/clock.js';
import type { CertificateValidator } from '../../../src/pki/certificate-validator.js';
import type { DevPkiEntry } from '../../../src/pki/dev-pki.js';
import { MemoryDuplicateRegistry, MemoryJobEnqueuer, MemoryMessageStore, MemoryParticipantDirectory } from '../../as4/support/in-memory-ports.js';

/**
 * How the loopback receiver answers: as the real pipeline does, with HTTP 503, with a receipt signed
 * by another (valid) AP certificate, with a correctly signed receipt whose NRI digests differ, or
 * not at all after accepting the message (the receipt is lost on the way back).
 */
export type ReceiverMode = 'ok' | 'http-503' | 'wrong-signer' | 'bad-nri' | 'drop-reply';

const keyPair = (e: DevPkiEntry): As4KeyPair => ({ privateKey: createPrivateKey(e.keyPem), certificate: new X509Certificate(e.certPem) });

class SplitKeys extends AccessPointKeys {
  constructor(
    private readonly decrypt: As4KeyPair,
    public signer: As4KeyPair,
  ) {
    super();
  }
  signing(): As4KeyPair {
    return this.signer;
  }
  decryption(): readonly As4KeyPair[] {
    return [this.decrypt];
  }
}

/** Another access point on loopback: our real inbound AS4 pipeline with in-memory ports, over node:http. */
export class LoopbackReceiver {
  mode: ReceiverMode = 'ok';
  readonly received: string[] = [];
  readonly store = new MemoryMessageStore();
  readonly directory = new MemoryParticipantDirectory();
  url = '';
  private server?: Server;
  private readonly keys: SplitKeys;
  private readonly pipeline: ReceivePipeline;
  private readonly identity: As4KeyPair;
  private readonly wrongSigner: As4KeyPair;

  constructor(identity: DevPkiEntry, wrongSigner: DevPkiEntry, validator: CertificateValidator) {
    this.identity = keyPair(identity);
    this.wrongSigner = keyPair(wrongSigner);
    this.keys = new SplitKeys(this.identity, this.identity);
    // The To/PartyId check would refuse before the wrong signer gets to sign a receipt.
    const config = as4Config.load({ AS4_TEMP_DIR: tmpdir(), AS4_MAX_XML_ATTACHMENT_BYTES: String(120 * 1024 * 1024), AS4_CHECK_TO_PARTY: 'false' });
    this.pipeline = ReceivePipeline.create({
      config,
      clock: new Clock(),
      workspaces: new TempWorkspaces(config.tempDir),
      keys: this.keys,
      certificateValidator: new PkiSenderCertificateValidator(validator),
      participants: this.directory,
      duplicates: new MemoryDuplicateRegistry(this.store),
      store: this.store,
      enqueuer: new MemoryJobEnqueuer(),
    });
  }

  serve(participant: string, documentType: PeppolIdentifier, process: PeppolIdentifier): this {
    this.directory.serve(participant, documentType, process);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void (async () => {
        if (this.mode === 'http-503') {
          req.resume();
          res.writeHead(503, { 'content-type': 'text/plain', connection: 'close' }).end('maintenance');
          return;
        }
        this.keys.signer = this.mode === 'wrong-signer' ? this.wrongSigner : this.identity;
        const reply = await this.pipeline.handle({ contentType: req.headers['content-type'], body: req });
        if (reply.messageId) this.received.push(reply.messageId);
        if (this.mode === 'drop-reply') {
          res.socket?.destroy();
          return;
        }
        const body = this.mode === 'bad-nri' && reply.outcome === 'receipt' ? await this.alteredReceipt(reply.body) : reply.body;
        res.writeHead(reply.status, { 'content-type': reply.contentType, ...(reply.bodyConsumed ? {} : { connection: 'close' }) }).end(body);
      })().catch((error: Error) => res.writeHead(500).end(String(error.stack)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/as4`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The same receipt, correctly signed by the receiver, but acknowledging a different attachment digest. */
  private async alteredReceipt(xml: Buffer): Promise<Buffer> {
    const parsed = readSignalEnvelope(xml, { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 });
    const nri = parsed.signalMessage.getElementsByTagNameNS(NS.ebbp, 'NonRepudiationInformation')[0]!;
    const references = Array.from(nri.getElementsByTagNameNS(NS.ds, 'Reference')).map((r) => {
      const copy = new DOMParser().parseFromString(r.toString(), 'text/xml').documentElement as unknown as Element;
      if (copy.getAttribute('URI')?.startsWith('cid:')) copy.getElementsByTagNameNS(NS.ds, 'DigestValue')[0]!.textContent = Buffer.alloc(32, 7).toString('base64');
      return copy;
    });
    // Awaited: the receipt builder may sign off the event loop.
    const receipt = await buildReceipt({
      refToMessageId: parsed.refToMessageId!,
      receivedReferences: references,
      signer: this.identity,
      now: new Date(),
      messageIdDomain: 'loopback.test',
    });
    return Buffer.from(receipt.xml, 'utf8');
  }
}
