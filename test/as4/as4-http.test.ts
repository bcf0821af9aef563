import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { Lifecycle } from '../../src/http/lifecycle.js';
import { As4Module } from '../../src/as4/as4.module.js';
import { CredentialsAccessPointKeys } from './support/credentials-access-point-keys.js';
import {
  AccessPointKeys,
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  SenderCertificateValidator,
} from '../../src/as4/receive/ports.js';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { verifyReply } from '../../src/as4/signals/receipt-verifier.js';
import { MemoryDuplicateRegistry, MemoryJobEnqueuer, MemoryMessageStore, MemoryParticipantDirectory } from './support/in-memory-ports.js';
import { createScenario, credentials, devCertificateValidator, ORDER_DOC, ORDERING, SELLER, type Scenario } from './support/scenario.js';

@Global()
@Module({ providers: [Clock, Lifecycle], exports: [Clock, Lifecycle] })
class TestGlobals {}

function post(port: number, contentType: string, body: Buffer): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // No Content-Length: the body goes out with Transfer-Encoding: chunked, as senders may do.
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/as4', headers: { 'Content-Type': contentType } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 32_768) req.write(body.subarray(i, i + 32_768));
    req.end();
  });
}

describe('POST /as4 over HTTP (Nest, no body parser)', () => {
  let app: INestApplication;
  let port: number;
  let s: Scenario;
  const store = new MemoryMessageStore();
  const enqueuer = new MemoryJobEnqueuer();

  beforeAll(async () => {
    s = await createScenario();
    @Module({
      imports: [
        TestGlobals,
        As4Module.forRoot({
          providers: [
            { provide: AccessPointKeys, useValue: new CredentialsAccessPointKeys(credentials(s.pki.ourAp)) },
            { provide: SenderCertificateValidator, useValue: devCertificateValidator(s.pki) },
            { provide: ParticipantDirectory, useValue: new MemoryParticipantDirectory().serve(SELLER, ORDER_DOC, ORDERING) },
            { provide: DuplicateRegistry, useValue: new MemoryDuplicateRegistry(store) },
            { provide: InboundMessageStore, useValue: store },
            { provide: InboundJobEnqueuer, useValue: enqueuer },
          ],
        }),
      ],
    })
    class TestApp {}
    app = await NestFactory.create(TestApp, { bodyParser: false, logger: false });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('streams a chunked request through the pipeline and answers a signed receipt', async () => {
    const message = s.build();
    const mime = toMultipart(message);
    const body = await multipartToBuffer(mime);
    const res = await post(port, mime.contentType, body);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/soap+xml');
    const outcome = await verifyReply(res.body, {
      sentMessageId: message.messageId,
      sentReferences: message.signedReferences,
      limits: { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 },
      checkCertificate: async () => undefined,
    });
    expect(outcome.kind).toBe('receipt');
    expect([...store.records.values()].some((r) => r.raw.equals(body))).toBe(true);
    expect(enqueuer.jobs.length).toBeGreaterThan(0);
  });

  it('answers a non-AS4 body with HTTP 400 and an EBMS:0007 error signal', async () => {
    const res = await post(port, 'application/json', Buffer.from('{"hello":"world"}'));
    expect(res.status).toBe(400);
    expect(res.body.toString()).toContain('errorCode="EBMS:0007"');
  });
});
