import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** An official example read from ../shared/conformance at run time (never copied), or undefined. */
export async function officialExample(name: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path.resolve(process.cwd(), '../shared/conformance/examples', name));
  } catch {
    return undefined;
  }
}
