import { Worker } from 'node:worker_threads';

/**
 * One file to make durable at `target`. A target that does not exist yet is created and written in
 * place; one that exists (the same bytes stored before, or a piece a crash left) is replaced
 * atomically by `temporary`, written and fsynced first.
 */
export interface DurableFile {
  readonly bytes: Uint8Array;
  readonly temporary: string;
  readonly target: string;
}

export class DurableWriteError extends Error {}

/*
 * The thread's code, plain CommonJS run as eval'd source (no project imports, so the same code runs
 * under the compiled build and the TypeScript sources). Per batch: each file is created at its
 * target ('wx', creating a missing shard directory) and written and fsynced there; a target that
 * exists is written to its temporary file instead and renamed over it after the fsync. Last, each
 * directory that gained an entry is fsynced once.
 *
 * Why in place: a rename is a second metadata change after the file's fsync, so every file cost two
 * journal commits; in place, the file's fsync commits its directory entry with it and the directory
 * fsync finds nothing left to do (half the system time and half the wait, measured on ext4). It is
 * safe because nothing refers to a blob before its write resolves: a file a crash left half-written
 * at its address is referred to by nothing, and the next write of those bytes finds it there and
 * replaces it. A failed batch removes its temporary files and the files it created in place: each
 * is first renamed away, and only the file this batch created is removed; one a concurrent writer of
 * the same bytes renamed over it in the meantime goes back.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
function writeFully(fd, bytes) {
  // writeSync may write only part of the buffer (e.g. the disk filling up): go on until all is written.
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}
function syncDirectory(dir) {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}
function makeDirectory(dir, directories) {
  const created = fs.mkdirSync(dir, { recursive: true });
  // New directories are entries of their parents: those must reach the disk too.
  for (let d = dir; created && d.length >= created.length; d = path.dirname(d)) directories.add(path.dirname(d));
}
/** Opens the target for a new file, or returns undefined when it exists. */
function createInPlace(target, directories) {
  try {
    return fs.openSync(target, 'wx', 0o640);
  } catch (error) {
    if (error.code === 'EEXIST') return undefined;
    if (error.code !== 'ENOENT') throw error;
  }
  makeDirectory(path.dirname(target), directories);
  try {
    return fs.openSync(target, 'wx', 0o640);
  } catch (error) {
    if (error.code === 'EEXIST') return undefined;
    throw error;
  }
}
function moveIntoPlace(file, directories) {
  try {
    fs.renameSync(file.temporary, file.target);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    makeDirectory(path.dirname(file.target), directories);
    fs.renameSync(file.temporary, file.target);
  }
}
/** Removes a file this batch created at its target, unless another writer has replaced it since. */
function removeCreated({ file, ino }) {
  fs.renameSync(file.target, file.temporary);
  if (fs.lstatSync(file.temporary).ino === ino) return fs.rmSync(file.temporary, { force: true });
  fs.renameSync(file.temporary, file.target);
  syncDirectory(path.dirname(file.target));
}
parentPort.on('message', ({ id, files }) => {
  const temporaries = [];
  const created = [];
  try {
    const directories = new Set();
    const replacing = [];
    for (const file of files) {
      let fd = createInPlace(file.target, directories);
      if (fd === undefined) {
        fd = fs.openSync(file.temporary, 'wx', 0o640);
        temporaries.push(file.temporary);
        replacing.push(file);
      } else {
        created.push({ file, ino: fs.fstatSync(fd).ino });
      }
      try {
        writeFully(fd, file.bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      directories.add(path.dirname(file.target));
    }
    for (const file of replacing) moveIntoPlace(file, directories);
    for (const dir of directories) syncDirectory(dir);
    parentPort.postMessage({ id });
  } catch (error) {
    for (const t of temporaries) { try { fs.rmSync(t, { force: true }); } catch {} }
    for (const c of created) { try { removeCreated(c); } catch {} }
    parentPort.postMessage({ id, error: (error && error.message) || String(error) });
  }
});
`;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

interface WriterThread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * Durable small-file writes on threads of their own. Each fsync blocks a thread for a millisecond or
 * more; done through the promise API, a message's three blobs take some eighteen hops through
 * libuv's shared pool of four, where they hold up the RSA and gunzip work of other requests. Here a
 * whole batch is one round trip, and the shared pool stays free for CPU work.
 */
export class DurableWriterPool {
  private readonly threads: Array<WriterThread | undefined>;
  private nextId = 1;
  private closed = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`writer threads must be a positive integer, got ${size}`);
    this.threads = new Array<WriterThread | undefined>(size).fill(undefined);
  }

  write(files: readonly DurableFile[]): Promise<void> {
    if (this.closed) return Promise.reject(new DurableWriteError('the file writer is closed'));
    if (files.length === 0) return Promise.resolve();
    const thread = this.leastBusy();
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // A thread with work keeps the process alive; an idle one does not.
      if (thread.pending.size === 1) thread.worker.ref();
      thread.worker.postMessage({ id, files: files.map((f) => ({ bytes: f.bytes, temporary: f.temporary, target: f.target })) });
    });
    this.inFlight.add(done);
    const forget = () => void this.inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  /** Refuses new writes, lets the ones under way finish, then stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    const running = this.threads.filter((t): t is WriterThread => t !== undefined);
    this.threads.fill(undefined);
    await Promise.all(running.map((t) => t.worker.terminate()));
  }

  private leastBusy(): WriterThread {
    let best = 0;
    for (let i = 0; i < this.threads.length; i++) {
      const thread = this.threads[i];
      if (!thread) return (this.threads[i] = this.start(i));
      if (thread.pending.size < this.threads[best]!.pending.size) best = i;
    }
    return this.threads[best]!;
  }

  private start(slot: number): WriterThread {
    const worker = new Worker(THREAD_SOURCE, { eval: true, name: 'durable-writer' });
    const thread: WriterThread = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: { id: number; error?: string }) => {
      const job = thread.pending.get(reply.id);
      if (!job) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.error === undefined) job.resolve();
      else job.reject(new DurableWriteError(reply.error));
    });
    const fail = (error: Error) => {
      if (this.threads[slot] === thread) this.threads[slot] = undefined;
      for (const job of thread.pending.values()) job.reject(new DurableWriteError(`file writer thread stopped: ${error.message}`));
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return thread;
  }
}
