import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A DATA_DIR that can be filled up: a small tmpfs of its own when this machine lets us mount one
 * (real ENOSPC), otherwise a folder on the ordinary disk where the blob store's free-space guard
 * (STORAGE_MIN_FREE_MB) is set just below the free space, so a filler file makes it refuse writes.
 */
export class SmallDisk {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'ap-fault-disk-'));
  readonly mode: 'tmpfs' | 'free-space-guard';
  private readonly filler = path.join(this.dir, 'filler.bin');
  private readonly guardBytes: number;

  constructor(sizeMb = 16) {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', this.dir], { stdio: 'ignore' });
    this.mode = mounted.status === 0 ? 'tmpfs' : 'free-space-guard';
    // Guard mode: writes are refused once free space falls below what is free now minus 64 MB.
    this.guardBytes = this.mode === 'tmpfs' ? 0 : Math.max(0, this.freeBytes() - 64 * 1024 * 1024);
  }

  /** Environment for the processes using this disk as DATA_DIR. */
  env(): Record<string, string> {
    return { DATA_DIR: this.dir, STORAGE_MIN_FREE_MB: String(Math.floor(this.guardBytes / 1024 / 1024)) };
  }

  freeBytes(): number {
    const fs = statfsSync(this.dir);
    return Number(fs.bavail) * Number(fs.bsize);
  }

  /** Fills the disk until only `leaveBytes` remain usable (for the blob store). */
  fill(leaveBytes: number): void {
    const usable = this.freeBytes() - this.guardBytes;
    const size = Math.max(0, usable - leaveBytes);
    if (this.mode === 'tmpfs') writeFileSync(this.filler, Buffer.alloc(size));
    else writeFileSync(this.filler, Buffer.alloc(Math.min(size, 65 * 1024 * 1024)));
  }

  free(): void {
    rmSync(this.filler, { force: true });
  }

  remove(): void {
    if (this.mode === 'tmpfs') spawnSync('umount', ['-l', this.dir], { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
