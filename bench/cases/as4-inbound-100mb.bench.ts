import { randomBytes } from 'node:crypto';
import { peakRssMb, postAs4, startApi } from '../support/as4-harness.js';
import { BENCH_SELLER as SELLER, partnerCatalogueMessages } from '../support/partner-messages.js';
import { generateCatalogueBytes } from '../../test/support/catalogue-generator.js';
import { PROCESSES, transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';
import type { BenchCase } from '../case.js';

const TARGET_BYTES = 100 * 1024 * 1024;
const T19 = transactionRegistry.identifiersOf(TRANSACTIONS.catalogue.id, PROCESSES.catalogueWithoutResponse);

/**
 * The catalogue as generated (text that gzip shrinks about 40×), or one whose single line carries a
 * specification document of random bytes (base64, about 75 MB on the wire whatever the compression).
 */
function catalogueOfAbout(bytes: number, incompressible: boolean): Buffer {
  if (!incompressible) {
    const perLine = generateCatalogueBytes({ lines: 1000 }).length / 1000;
    return generateCatalogueBytes({ lines: Math.ceil(bytes / perLine) });
  }
  const xml = generateCatalogueBytes({ lines: 1 }).toString('utf8');
  const at = xml.indexOf('</cac:Item>');
  const binary = randomBytes(Math.floor((bytes * 3) / 4)).toString('base64');
  const reference =
    '<cac:ItemSpecificationDocumentReference><cbc:ID>SPEC-1</cbc:ID><cac:Attachment>' +
    `<cbc:EmbeddedDocumentBinaryObject mimeCode="application/octet-stream" filename="spec.bin">${binary}</cbc:EmbeddedDocumentBinaryObject>` +
    '</cac:Attachment></cac:ItemSpecificationDocumentReference>';
  return Buffer.from(xml.slice(0, at) + reference + xml.slice(at), 'utf8');
}

/** Sends one 100 MB catalogue into a fresh API: seconds to receipt and the API process's peak RSS. */
async function receiveOne(incompressible: boolean) {
  const api = await startApi([SELLER]);
  try {
    const message = await partnerCatalogueMessages(api, T19)(catalogueOfAbout(TARGET_BYTES, incompressible));
    const idleRss = await peakRssMb(api.pid);
    const res = await postAs4(api.port, message.contentType, message.body);
    if (res.status !== 200 || !res.body.includes('Receipt>')) throw new Error(`not accepted: HTTP ${res.status}: ${res.body.toString('utf8').slice(0, 600)}`);
    return { seconds: res.ms / 1000, peakRssMb: await peakRssMb(api.pid), idleRssMb: idleRss, sbdMb: message.sbdBytes / 1024 / 1024, wireMb: message.body.length / 1024 / 1024, db: api.db };
  } finally {
    await api.stop();
  }
}

/**
 * One 100 MB catalogue into the running API, twice: as text that compresses well, and with an
 * incompressible payload (random bytes), each into a fresh API process.
 */
const as4Inbound100Mb: BenchCase = {
  name: 'as4-inbound-100mb',
  async run() {
    const text = await receiveOne(false);
    const random = await receiveOne(true);
    return {
      seconds: text.seconds,
      peak_rss_mb: text.peakRssMb,
      idle_peak_rss_mb: text.idleRssMb,
      sbd_mb: text.sbdMb,
      wire_mb: text.wireMb,
      incompressible_seconds: random.seconds,
      incompressible_peak_rss_mb: random.peakRssMb,
      incompressible_sbd_mb: random.sbdMb,
      incompressible_wire_mb: random.wireMb,
      db: text.db,
    };
  },
};

export default as4Inbound100Mb;
