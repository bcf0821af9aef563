import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { createReceiveSteps } from '../../../src/as4/receive/receive-pipeline.js';
import { createInboundContext, type ReceiveContext } from '../../../src/as4/receive/receive-context.js';
import { TempWorkspaces, type Workspace } from '../../../src/as4/io/temp-workspace.js';
import { multipartToBuffer } from '../../../src/as4/mime/multipart-writer.js';
import { toMultipart, type BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { Clock } from '../../../src/common/clock.js';
import { CredentialsAccessPointKeys } from './credentials-access-point-keys.js';
import type { Scenario } from './scenario.js';
import { credentials, devCertificateValidator } from './scenario.js';

/** A fresh inbound context over MIME bytes, for running steps one by one in unit specs. */
async function contextFor(body: Buffer, contentType: string, workspace?: Workspace): Promise<ReceiveContext> {
  return createInboundContext({ receivedAt: new Date(), contentType, body: Readable.from([body]), workspace: workspace ?? (await new TempWorkspaces(tmpdir()).create()) });
}

/** Runs the real steps of a scenario's configuration up to (not including) `stopBefore`. */
export async function runStepsUntil(s: Scenario, message: Pick<BuiltUserMessage, 'soapXml' | 'attachments'>, stopBefore: string): Promise<ReceiveContext> {
  const mime = toMultipart(message);
  const ctx = await contextFor(await multipartToBuffer(mime), mime.contentType);
  const steps = createReceiveSteps({
    config: s.config,
    clock: new Clock(),
    workspaces: new TempWorkspaces(s.config.tempDir),
    keys: new CredentialsAccessPointKeys(credentials(s.pki.ourAp)),
    certificateValidator: devCertificateValidator(s.pki),
    participants: s.directory,
    duplicates: s.duplicates,
    store: s.store,
    enqueuer: s.enqueuer,
  });
  for (const step of steps) {
    if (step.name === stopBefore) return ctx;
    await step.run(ctx);
  }
  throw new Error(`no step named ${stopBefore}`);
}
