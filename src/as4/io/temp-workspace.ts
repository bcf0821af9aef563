import { randomUUID } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileContent, type Content } from './content.js';

/** Temp files of one inbound request, in a directory made on first use; `dispose()` removes them all. */
export class Workspace {
  private counter = 0;
  private created: Promise<void> | undefined;
  constructor(readonly dir: string) {}

  /** A fresh path inside the workspace (the name only helps debugging). */
  path(name: string): string {
    return join(this.dir, `${++this.counter}-${name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40)}`);
  }

  /** Opens a new file for sequential writes; `close()` returns it as Content. */
  async createFile(name: string): Promise<WorkspaceFile> {
    this.created ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined);
    await this.created;
    const path = this.path(name);
    return new WorkspaceFile(path, await open(path, 'wx', 0o600));
  }

  async dispose(): Promise<void> {
    if (this.created) await rm(this.dir, { recursive: true, force: true });
  }
}

export class WorkspaceFile {
  private size = 0;
  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
    this.size += chunk.length;
  }

  /** A Writable over the file, for `stream.pipeline`. */
  writable(): Writable {
    return new Writable({
      write: (chunk: Buffer, _enc, done) => this.write(chunk).then(() => done(), done),
    });
  }

  get bytesWritten(): number {
    return this.size;
  }

  async close(): Promise<Content> {
    await this.handle.close();
    return fileContent(this.path, this.size);
  }

  /** Closes without returning content (on failure paths). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Creates per-request workspaces under a base directory (file I/O kept out of the steps). */
export class TempWorkspaces {
  constructor(private readonly baseDir: string) {}

  /** Small messages never touch the disk: the directory appears only when a file is written. */
  async create(): Promise<Workspace> {
    return new Workspace(join(this.baseDir, `as4-${randomUUID()}`));
  }
}
