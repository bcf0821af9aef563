import { createHash } from 'node:crypto';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { CompressedPayload } from '../as4/outbound/user-message-builder.js';
import type { TempWorkspaces, Workspace, WorkspaceFile } from '../as4/io/temp-workspace.js';
import type { Content } from '../as4/io/content.js';
import { memoryContent } from '../as4/io/content.js';

/** The SBD is larger than we send. */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

export interface StagedPayload extends CompressedPayload {
  /** Bytes of the SBD before compression. */
  readonly sbdSize: number;
  /** Bytes of the compressed attachment (before encryption). */
  readonly size: number;
  /** Removes the temp file, if one was used. */
  dispose(): Promise<void>;
}

/**
 * gzip-compresses the SBD once, hashing the compressed bytes as they come (the attachment digest),
 * into memory up to `spillThresholdBytes` and into a temp file beyond: a 100 MB SBD is never held
 * whole, and every retry or re-read streams the same bytes.
 */
export async function stageCompressedPayload(
  sbd: Readable,
  opts: { spillThresholdBytes: number; maxSbdBytes: number; workspaces: TempWorkspaces },
): Promise<StagedPayload> {
  const hash = createHash('sha256');
  const memory: Buffer[] = [];
  let inMemory = 0;
  let size = 0;
  let sbdSize = 0;
  let workspace: Workspace | undefined;
  let file: WorkspaceFile | undefined;

  const counted = new Writable({
    write(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (file) return file.write(chunk).then(() => done(), done);
      memory.push(chunk);
      inMemory += chunk.length;
      if (inMemory <= opts.spillThresholdBytes) return done();
      // Past the threshold: move what we have to a temp file and continue there.
      opts.workspaces
        .create()
        .then(async (ws) => {
          workspace = ws;
          file = await ws.createFile('attachment.gz');
          for (const piece of memory.splice(0)) await file.write(piece);
        })
        .then(() => done(), done);
    },
  });
  try {
    await pipeline(
      sbd,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          sbdSize += chunk.length;
          if (sbdSize > opts.maxSbdBytes) throw new PayloadTooLargeError(`the SBD exceeds AS4_SEND_MAX_DOCUMENT_BYTES (${opts.maxSbdBytes} bytes)`);
          yield chunk;
        }
      },
      createGzip(),
      counted,
    );
  } catch (error) {
    await file?.abandon();
    await workspace?.dispose();
    throw error;
  }
  const content: Content = file ? await file.close() : memoryContent(Buffer.concat(memory));
  const sha256 = hash.digest();
  return {
    sha256,
    size,
    sbdSize,
    open: () => content.open(),
    dispose: async () => {
      await workspace?.dispose();
    },
  };
}
