import { memoryContent, type Content } from './content.js';
import type { Workspace, WorkspaceFile } from './temp-workspace.js';

/**
 * Collects a byte stream in memory up to a threshold, then moves it to a workspace file and keeps
 * appending there: small messages never touch the disk, large ones are never held in memory.
 */
export class SpillBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  private file: WorkspaceFile | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly name: string,
    private readonly thresholdBytes: number,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    if (this.file) return this.file.write(chunk);
    // Copy: the producer may reuse or keep the chunk's underlying buffer.
    this.chunks.push(Buffer.from(chunk));
    this.size += chunk.length;
    if (this.size > this.thresholdBytes) {
      this.file = await this.workspace.createFile(this.name);
      for (const c of this.chunks) await this.file.write(c);
      this.chunks = [];
    }
  }

  async close(): Promise<Content> {
    if (this.file) return this.file.close();
    return memoryContent(Buffer.concat(this.chunks, this.size));
  }

  async abandon(): Promise<void> {
    this.chunks = [];
    await this.file?.abandon();
  }
}
