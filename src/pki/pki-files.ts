import { open } from 'node:fs/promises';

/** Reads key, certificate and trust files; a class so tests and services can swap the file system. */
export class PkiFiles {
  /** Reads a whole file, refusing files larger than maxBytes (a key or certificate is a few KB). */
  async read(file: string, maxBytes: number): Promise<Buffer> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) throw new Error(`file is ${size} bytes, more than the ${maxBytes} allowed`);
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
}
