import { createPrivateKey, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { buildSbd } from '../../src/as4/sbdh/sbdh-build.js';
import { peakRssMb, postAs4, startApi } from '../support/as4-harness.js';
import { generateCatalogueBytes } from '../../test/support/catalogue-generator.js';
import { PROCESSES, transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';
import type { BenchCase } from '../case.js';

const TARGET_BYTES = 100 * 1024 * 1024;
const BUYER = '0088:5798000000001';
const SELLER = '0088:7315458756324';
const T19 = transactionRegistry.identifiersOf(TRANSACTIONS.catalogue.id, PROCESSES.catalogueWithoutResponse);

/** One 100 MB catalogue into the running API: seconds to receipt and the API process's peak RSS. */
const as4Inbound100Mb: BenchCase = {
  name: 'as4-inbound-100mb',
  async run() {
    const api = await startApi([SELLER]);
    try {
      const perLine = generateCatalogueBytes({ lines: 1000 }).length / 1000;
      const catalogue = generateCatalogueBytes({ lines: Math.ceil(TARGET_BYTES / perLine) });
      const sbd = buildSbd(
        {
          sender: BUYER,
          receiver: SELLER,
          ...T19,
          countryC1: 'DK',
          instanceIdentifier: crypto.randomUUID(),
          standard: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2',
          typeVersion: '2.1',
          type: 'Catalogue',
          creationDateAndTime: new Date(),
        },
        catalogue,
      );
      const built = buildUserMessage({
        fromPartyId: api.pki.partnerAp.subjectCn,
        toPartyId: api.pki.ourAp.subjectCn,
        ...T19,
        originalSender: BUYER,
        finalRecipient: SELLER,
        payload: sbd,
        signing: { privateKey: createPrivateKey(api.pki.partnerAp.keyPem), certificate: new X509Certificate(api.pki.partnerAp.certPem) },
        encryptFor: new X509Certificate(api.pki.ourAp.certPem),
      });
      const mime = toMultipart(built);
      const body = await multipartToBuffer(mime);
      const idleRss = await peakRssMb(api.pid);
      const res = await postAs4(api.port, mime.contentType, body);
      if (res.status !== 200 || !res.body.includes('Receipt>')) throw new Error(`not accepted: HTTP ${res.status}: ${res.body.toString('utf8').slice(0, 600)}`);
      return {
        seconds: res.ms / 1000,
        peak_rss_mb: await peakRssMb(api.pid),
        idle_peak_rss_mb: idleRss,
        sbd_mb: sbd.length / 1024 / 1024,
        wire_mb: body.length / 1024 / 1024,
        db: api.db,
      };
    } finally {
      await api.stop();
    }
  },
};

export default as4Inbound100Mb;
