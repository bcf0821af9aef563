import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import { JobQueue } from '../../src/queue/job-queue.js';
import { receiveDocument } from '../support/received-document.js';
import { ApprovalStore } from '../../src/workflows/punchout/approval-store.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import { BUYER, BUYER_CONFIGS, exampleCart, hasExamples, NO_EXAMPLES, OTHER_SELLER } from '../workflows/support/harness.js';
import { type AdminApi, call, startAdminApi } from './support.js';

if (!hasExamples) process.stderr.write(`admin approvals with a real cart skipped: ${NO_EXAMPLES}\n`);

describe('admin API: approvals and reprocessing', () => {
  let api: AdminApi;
  let operatorId: string;

  beforeAll(async () => {
    const configFile = path.join(process.env.TMPDIR ?? '/tmp', `ap-admin-buyers-${process.pid}.json`);
    writeFileSync(configFile, JSON.stringify(BUYER_CONFIGS));
    api = await startAdminApi({ WORKFLOW_BUYER_CONFIG_FILE: configFile });
    operatorId = ((await (await call(api, '/admin/keys/me', { key: api.keys.operator })).json()) as { id: string }).id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** A cart as the inbound flow leaves it when the policy asks a person: validated, then awaiting approval. */
  async function cartAwaitingApproval(document: Buffer, sender: string): Promise<string> {
    const id = await receiveDocument({ blobs: api.blobs, messages: api.messages, queue: api.queue }, { document, transaction: 'T77', sender, receiver: BUYER });
    // What the inbound flow keeps of a valid cart: the UBL taken out of the SBD.
    const business = await api.blobs.put(document);
    await api.messages.addDocument(id, { role: DOCUMENT_ROLE.business, sha256: business.sha256, mediaType: 'application/xml', size: business.size });
    await api.messages.transition(id, 'validated', { actor: 'test', patch: { validation: { valid: true, fired: [] } } });
    await api.database.transaction(async (tx) => {
      await api.messages.transition(id, 'awaiting-approval', { actor: 'test', tx });
      await api.app.get(ApprovalStore, { strict: false }).open(
        { messageId: id, buyerId: BUYER, sellerId: sender, cartId: `CART-${id.slice(0, 8)}`, currency: 'EUR', netTotal: '6000.00', lineCount: 2, reasons: ['seller is not on the allow-list'], deadline: new Date(Date.now() + 86_400_000) },
        tx,
      );
    });
    return id;
  }

  it.skipIf(!hasExamples)('lists carts awaiting a decision and approves, approves with changes or rejects them as the key holder', async () => {
    const toApprove = await cartAwaitingApproval(exampleCart({ seller: OTHER_SELLER, id: 'CART-A' }), OTHER_SELLER);
    const toChange = await cartAwaitingApproval(exampleCart({ seller: OTHER_SELLER, id: 'CART-B' }), OTHER_SELLER);
    const toReject = await cartAwaitingApproval(exampleCart({ seller: OTHER_SELLER, id: 'CART-C' }), OTHER_SELLER);

    const pending = (await (await call(api, '/admin/approvals', { key: api.keys.viewer })).json()) as { data: Array<{ messageId: string; reasons: string[] }> };
    expect(pending.data.map((a) => a.messageId)).toEqual(expect.arrayContaining([toApprove, toChange, toReject]));
    expect((await call(api, `/admin/approvals/${toApprove}`, { key: api.keys.viewer })).status).toBe(200);
    expect((await call(api, `/admin/approvals/${toApprove}/approve`, { method: 'POST', key: api.keys.viewer })).status).toBe(403);

    const approved = await call(api, `/admin/approvals/${toApprove}/approve`, { method: 'POST', key: api.keys.operator });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ id: toApprove, state: 'approved' });
    expect(await api.queue.jobStatus('punchout', jobIdFor(QUEUES.punchout, toApprove, 'order'))).not.toBe('missing');

    const badChange = await call(api, `/admin/approvals/${toChange}/approve-with-changes`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ changes: [{ kind: 'remove', lineId: 'no-such-line' }] }) });
    expect(badChange.status).toBe(422);
    expect(((await badChange.json()) as { detail: string }).detail).toMatch(/no such line/);
    const changed = await call(api, `/admin/approvals/${toChange}/approve-with-changes`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ changes: [{ kind: 'set-quantity', lineId: '1', quantity: '12' }] }) });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ state: 'changed' });

    expect((await call(api, `/admin/approvals/${toReject}/reject`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ reason: ' ' }) })).status).toBe(422);
    const rejected = await call(api, `/admin/approvals/${toReject}/reject`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ reason: 'not in this budget year' }) });
    expect(rejected.status).toBe(200);
    const last = (await api.messages.timeline(toReject)).at(-1)!;
    expect(last).toMatchObject({ toState: 'rejected', actor: `api-key:${operatorId}`, reason: 'rejected: not in this budget year' });

    const again = await call(api, `/admin/approvals/${toReject}/approve`, { method: 'POST', key: api.keys.operator });
    expect(again.status).toBe(409);
    expect((await call(api, '/admin/approvals/00000000-0000-4000-8000-000000000000/approve', { method: 'POST', key: api.keys.operator })).status).toBe(404);
    const trail = (await (await call(api, `/admin/audit?target=cart:${toChange}`, { key: api.keys.viewer })).json()) as { data: Array<{ status: number; after: unknown }> };
    expect(trail.data.map((r) => r.status)).toEqual([200, 422]);
    expect(trail.data[0]!.after).toMatchObject({ state: 'changed', changes: [{ lineId: '1', quantity: '12' }] });
  });

  it('reprocesses a failed message from a chosen stage, replacing its dead letter with a new job', async () => {
    const message = await api.messages.create({ direction: 'inbound', kind: 'catalogue', state: 'received', senderId: OTHER_SELLER, receiverId: BUYER }, { actor: 'test' });
    const jobId = jobIdFor(QUEUES.inbound, message.id);
    // The earlier run: its job failed for good and the message was marked failed.
    const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const prefix = process.env.QUEUE_PREFIX!;
    const queue = new Queue(QUEUES.inbound, { connection: redis, prefix });
    const worker = new Worker(QUEUES.inbound, async () => { throw new Error('validation service down'); }, { connection: redis.duplicate(), prefix });
    const failed = new Promise<void>((resolve) => worker.on('failed', (job) => job?.id === jobId && resolve()));
    await queue.add(QUEUES.inbound, { messageId: message.id }, { jobId, attempts: 1 });
    await failed;
    await worker.close();
    await api.messages.transition(message.id, 'failed', { actor: 'worker', patch: { failure: { stage: 'validation', code: 'exhausted', message: 'validation service down' } } });
    const jobs = api.app.get(JobQueue);
    expect(await jobs.jobStatus(QUEUES.inbound, jobId)).toBe('failed');

    expect((await call(api, `/admin/messages/${message.id}/reprocess`, { method: 'POST', key: api.keys.viewer, body: JSON.stringify({ stage: 'received' }) })).status).toBe(403);
    expect((await call(api, `/admin/messages/${message.id}/reprocess`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ stage: 'delivered' }) })).status).toBe(422);
    const res = await call(api, `/admin/messages/${message.id}/reprocess`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ stage: 'received' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ message: { id: message.id, state: 'received' }, job: { queue: 'inbound', jobId } });
    expect(await jobs.jobStatus(QUEUES.inbound, jobId)).toBe('waiting');
    const last = (await api.messages.timeline(message.id)).at(-1)!;
    expect(last).toMatchObject({ fromState: 'failed', toState: 'received', actor: `api-key:${operatorId}`, reason: 'reprocess from received' });

    // Not failed any more: refused; and a stage nothing would carry on is refused before anything moves.
    expect((await call(api, `/admin/messages/${message.id}/reprocess`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ stage: 'received' }) })).status).toBe(409);
    const order = await api.messages.create({ direction: 'outbound', kind: 'order', state: 'created' }, { actor: 'test' });
    await api.messages.transition(order.id, 'failed', { actor: 'test' });
    const nothing = await call(api, `/admin/messages/${order.id}/reprocess`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ stage: 'validated' }) });
    expect(nothing.status).toBe(409);
    expect((await api.messages.get(order.id)).state).toBe('failed');
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
  });
});
