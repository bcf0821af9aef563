import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogueBytes, type GeneratedCatalogueOptions } from '../support/catalogue-generator.js';
import { recordAs, type MessageRecord } from '../../src/messages/message-repository.js';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import { CatalogueService } from '../../src/workflows/catalogue/catalogue.service.js';
import { CatalogueStore } from '../../src/workflows/catalogue/catalogue-store.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import type { Validator } from '../../src/validation/validator.js';
import { createValidator, expectValid } from '../punchout/validator-support.js';
import { BUYER, createHarness, exampleCatalogue, examplesDir, hasExamples, SELLER, type Harness } from './support/harness.js';

/**
 * Catalogues through real worker processes: stored as versions per supplier, searchable by item id,
 * answered with a catalogue response that is checked here with the official T58 rules.
 */
describe.skipIf(!hasExamples)('catalogues are stored and answered', () => {
  let h: Harness;
  let validator: Validator;
  let catalogues: CatalogueService;

  beforeAll(async () => {
    h = await createHarness();
    validator = createValidator();
    catalogues = new CatalogueService(new CatalogueStore(h.db));
    await Promise.all([h.startWorker(), validator.start()]);
  });
  afterAll(async () => {
    await validator?.close();
    await h?.close();
  });

  /** The catalogue's response: one outbound message, valid T58, handed to delivery. */
  async function responseTo(catalogueMessageId: string): Promise<{ response: MessageRecord; xml: string }> {
    const catalogue = recordAs(await h.waitForState(catalogueMessageId, ['responded']), 'catalogue');
    const responses = (await h.messages.related(catalogueMessageId)).filter((m) => m.kind === 'catalogue-response');
    expect(responses).toHaveLength(1);
    const response = responses[0]!;
    expect(catalogue.attributes.responseMessageId).toBe(response.id);
    expect(response).toMatchObject({ direction: 'outbound', state: expect.any(String), senderId: BUYER, receiverId: SELLER, relatedMessageId: catalogueMessageId });
    const xml = await h.documentText(response.id, DOCUMENT_ROLE.catalogueResponse);
    expectValid(await validator.validate(xml), 'T58');
    // Handed straight to the AS4 sender by the catalogue job: back to the provider's access point.
    const handedOver = await h.waitForState(response.id, ['sending', 'sent', 'send-failed']);
    expect(handedOver.attributes.delivery).toEqual({ way: 'as4', routeId: null });
    return { response, xml };
  }

  const generated = (options: Partial<GeneratedCatalogueOptions> & { lines: number }, mutate: (xml: string) => string = (x) => x) =>
    Buffer.from(mutate(generateCatalogueBytes({ id: 'GEN-1', ...options }).toString('utf8')), 'utf8');

  it('the official example is stored, searchable by its item ids, and accepted', async () => {
    const id = await h.receive({ document: exampleCatalogue(), transaction: 'T19' });
    const { xml } = await responseTo(id);
    expect(xml).toMatch(/<cbc:ResponseCode>AP<\/cbc:ResponseCode>/);
    expect(xml).toMatch(/<cac:DocumentReference>\s*<cbc:ID>1387<\/cbc:ID>\s*<cbc:VersionID>2.0<\/cbc:VersionID>/);
    const timeline = await h.messages.timeline(id);
    // State changes; the sender's access point is told nothing (it asked for failures only: no MLS_TYPE).
    expect(timeline.filter((e) => e.fromState !== e.toState).map((e) => e.toState)).toEqual(['received', 'validated', 'catalogue-stored', 'responded']);
    expect(timeline.find((e) => e.actor === 'mls')?.reason).toBe('MLS AP not sent: the sender asked for FAILURE_ONLY');

    const bySellerId = await catalogues.searchItems(SELLER, 'MNTR011');
    expect(bySellerId).toHaveLength(1);
    expect(bySellerId[0]).toMatchObject({ itemKey: 'MNTR011', catalogue: { catalogueId: '1387', versionId: '2.0' }, line: { item: { sellersId: 'MNTR011' } } });
    expect(await catalogues.searchItems(SELLER, 'MNTR01349087911')).toHaveLength(1);
    expect(await catalogues.searchItems('0192:111111111', 'MNTR011')).toHaveLength(0);
  });

  it('an invalid catalogue is answered with a rejection naming the rules it breaks', async () => {
    const negativePrice = exampleCatalogue((xml) => xml.replace('<cbc:PriceAmount currencyID="EUR">10.00</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">-10.00</cbc:PriceAmount>').replace('<cbc:ID>1387</cbc:ID>', '<cbc:ID>BAD-1</cbc:ID>'));
    const id = await h.receive({ document: negativePrice, transaction: 'T19' });
    const { xml } = await responseTo(id);
    expect(xml).toMatch(/<cbc:ResponseCode>RE<\/cbc:ResponseCode>/);
    expect(xml).toMatch(/<cbc:Note>PEPPOL-T19-R006: /);
    expect(xml).toMatch(/<cbc:ID>BAD-1<\/cbc:ID>/);
    const timeline = await h.messages.timeline(id);
    expect(timeline.filter((e) => e.fromState !== e.toState).map((e) => e.toState)).toEqual(['received', 'rejected', 'responded']);
    // Fed in without AS4, so no sending access point to tell: recorded, not sent.
    expect(timeline.find((e) => e.actor === 'mls')?.reason).toMatch(/^MLS RE cannot be sent: the sending access point "local" has no Peppol seat id/);
    expect(await catalogues.versions(SELLER)).not.toContainEqual(expect.objectContaining({ catalogueId: 'BAD-1' }));
  });

  it('a newer catalogue replaces the active one, an update changes lines, an older one is refused', async () => {
    const v1 = await h.receive({ document: generated({ lines: 20, versionId: '1', actionCode: 'Add' }), transaction: 'T19' });
    expect((await responseTo(v1)).xml).toMatch(/<cbc:ResponseCode>AP</);
    expect(await catalogues.searchItems(SELLER, 'SKU-000015')).toHaveLength(1);

    const v2 = await h.receive({ document: generated({ lines: 10, versionId: '2', actionCode: 'Replace' }), transaction: 'T19' });
    expect((await responseTo(v2)).xml).toMatch(/<cbc:ResponseCode>AP</);
    expect(await catalogues.searchItems(SELLER, 'SKU-000015')).toHaveLength(0);
    expect((await catalogues.searchItems(SELLER, 'SKU-000005'))[0]!.catalogue.versionId).toBe('2');

    // Lines 1-3 again, line 2 marked Delete: the other lines of version 2 stay.
    const deleteLine2 = (xml: string) => xml.replace(/(<cac:CatalogueLine>\s*<cbc:ID>2<\/cbc:ID>)/, '$1\n    <cbc:ActionCode>Delete</cbc:ActionCode>');
    const v3 = await h.receive({ document: generated({ lines: 3, versionId: '3', actionCode: 'Update' }, deleteLine2), transaction: 'T19' });
    expect((await responseTo(v3)).xml).toMatch(/<cbc:ResponseCode>AP</);
    expect(await catalogues.searchItems(SELLER, 'SKU-000002')).toHaveLength(0);
    expect((await catalogues.searchItems(SELLER, 'SKU-000001'))[0]!.catalogue.versionId).toBe('3');
    expect((await catalogues.searchItems(SELLER, 'SKU-000009'))[0]!.catalogue.versionId).toBe('3');
    const active = (await catalogues.versions(SELLER)).filter((v) => v.status === 'active' && v.catalogueId === 'GEN-1');
    expect(active).toHaveLength(1);
    expect(active[0]!.lineCount).toBe(9);

    const late = await h.receive({ document: generated({ lines: 20, versionId: '1', actionCode: 'Replace' }), transaction: 'T19' });
    const { xml } = await responseTo(late);
    expect(xml).toMatch(/<cbc:ResponseCode>RE<\/cbc:ResponseCode>/);
    expect(xml).toMatch(/<cbc:Note>catalogue issued 2026-01-05 version 1 is not newer than the active one/);
    expect((await catalogues.searchItems(SELLER, 'SKU-000015'))).toHaveLength(0);
  });

  it('an order received for a participant without a route is validated and kept for its back end, with no further work', async () => {
    const order = readFileSync(path.join(examplesDir, 'Order_Example.xml'), 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
    const id = await h.receive({ document: Buffer.from(order, 'utf8'), transaction: 'T01', sender: BUYER, receiver: SELLER });
    const message = await h.waitForState(id, ['validated']);
    expect(message.attributes.transaction).toBe('T01');
    for (const queue of [QUEUES.punchout, QUEUES.catalogue] as const) expect(await h.queue.queue(queue).getJob(jobIdFor(queue, id))).toBeFalsy();
    // The hand-over to the back end finds no route: the order stays validated, with a note saying why.
    const noted = async () => (await h.messages.timeline(id)).some((e) => /no enabled webhook route .* takes order\.received/.test(e.reason ?? ''));
    for (let tries = 0; !(await noted()) && tries < 100; tries++) await new Promise((r) => setTimeout(r, 100));
    const timeline = await h.messages.timeline(id);
    expect(timeline.filter((e) => e.fromState !== e.toState).map((e) => e.toState)).toEqual(['received', 'validated']);
    expect(await noted()).toBe(true);
  });

  it('a catalogue sent without a response expected is stored and not answered', async () => {
    const withoutResponse = generated({ lines: 2, id: 'GEN-QUIET' }, (xml) => xml.replace('bis:catalogue_only:3', 'bis:catalogue_wo_response:3'));
    const id = await h.receive({ document: withoutResponse, transaction: 'T19' });
    await h.waitForState(id, ['catalogue-stored']);
    const deadline = Date.now() + 10_000;
    let message = recordAs(await h.messages.get(id), 'catalogue');
    while (!message.attributes.responseStatus && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      message = recordAs(await h.messages.get(id), 'catalogue');
    }
    expect(message.attributes.responseStatus).toMatch(/not expected/);
    expect(message.state).toBe('catalogue-stored');
    expect((await h.messages.related(id)).filter((m) => m.kind === 'catalogue-response')).toHaveLength(0);
    expect(await catalogues.searchItems(SELLER, 'SKU-000002')).toEqual(expect.arrayContaining([expect.objectContaining({ catalogue: expect.objectContaining({ catalogueId: 'GEN-QUIET' }) })]));
  });
});
