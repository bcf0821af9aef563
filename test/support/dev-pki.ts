import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevPki } from '../../src/pki/dev-pki-files.js';

/** One development PKI per test run, shared by the tests that start processes. */
export const TEST_PKI_DIR = path.join(tmpdir(), `peppol-ap-test-pki-${process.getuid?.() ?? 0}`);

/** Environment that makes a process run as the development access point on the test PKI. */
export async function devPkiEnv(): Promise<Record<string, string>> {
  mkdirSync(TEST_PKI_DIR, { recursive: true });
  await ensureDevPki(TEST_PKI_DIR);
  return { PEPPOL_STAGE: 'dev', PKI_DEV_DIR: TEST_PKI_DIR };
}
