import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { createDevPki, DEV_P12_PASSWORD, type DevPki, type DevPkiEntry, type DevPkiOptions } from './dev-pki.js';

/** Stable file names (certificate, private key) of each dev PKI entry inside the dev PKI directory. */
export const DEV_PKI_FILES: Record<keyof DevPki, { cert: string; key: string }> = {
  rootCa: { cert: 'root-ca.cert.pem', key: 'root-ca.key.pem' },
  apCa: { cert: 'ap-ca.cert.pem', key: 'ap-ca.key.pem' },
  ourAp: { cert: 'ap.cert.pem', key: 'ap.key.pem' },
  partnerAp: { cert: 'partner.cert.pem', key: 'partner.key.pem' },
  revokedAp: { cert: 'revoked.cert.pem', key: 'revoked.key.pem' },
  expiredAp: { cert: 'expired.cert.pem', key: 'expired.key.pem' },
  untrustedCa: { cert: 'untrusted-ca.cert.pem', key: 'untrusted-ca.key.pem' },
  untrustedAp: { cert: 'untrusted-ap.cert.pem', key: 'untrusted-ap.key.pem' },
  smpCa: { cert: 'smp-ca.cert.pem', key: 'smp-ca.key.pem' },
  smp: { cert: 'smp.cert.pem', key: 'smp.key.pem' },
  ocspResponder: { cert: 'ocsp.cert.pem', key: 'ocsp.key.pem' },
};

/** Our AP key + certificate + chain as PKCS#12, protected with DEV_P12_PASSWORD. */
export const DEV_P12_FILE = 'ap.p12';
/** Small JSON index (subject CNs), written last: its presence means the set is complete. */
const INDEX_FILE = 'dev-pki.json';
const LOCK_FILE = '.dev-pki.lock';
const LOCK_STALE_MS = 120_000;
const LOCK_WAIT_MS = 60_000;

/** Writes a fresh dev PKI into `dir` (overwriting an existing one) and returns it. */
export async function writeDevPki(dir: string, opts: DevPkiOptions = {}): Promise<DevPki> {
  const pki = await createDevPki(opts);
  await mkdir(dir, { recursive: true });
  await rm(path.join(dir, INDEX_FILE), { force: true });
  for (const name of Object.keys(DEV_PKI_FILES) as Array<keyof DevPki>) {
    await writeAtomically(path.join(dir, DEV_PKI_FILES[name].cert), pki[name].certPem, 0o644);
    await writeAtomically(path.join(dir, DEV_PKI_FILES[name].key), pki[name].keyPem, 0o600);
  }
  await writeAtomically(path.join(dir, DEV_P12_FILE), buildDevP12(pki), 0o600);
  const index = Object.fromEntries(Object.entries(pki).map(([name, entry]) => [name, entry.subjectCn]));
  await writeAtomically(path.join(dir, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`, 0o644);
  return pki;
}

/** Reads a dev PKI previously written by `writeDevPki`; undefined when the set is missing or incomplete. */
export async function readDevPki(dir: string): Promise<DevPki | undefined> {
  let index: Record<string, string>;
  try {
    index = JSON.parse(await readFile(path.join(dir, INDEX_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
  const pki: Partial<DevPki> = {};
  for (const name of Object.keys(DEV_PKI_FILES) as Array<keyof DevPki>) {
    const subjectCn = index[name];
    if (typeof subjectCn !== 'string') return undefined;
    try {
      const entry: DevPkiEntry = {
        certPem: await readFile(path.join(dir, DEV_PKI_FILES[name].cert), 'utf8'),
        keyPem: await readFile(path.join(dir, DEV_PKI_FILES[name].key), 'utf8'),
        subjectCn,
      };
      pki[name] = entry;
    } catch {
      return undefined;
    }
  }
  return pki as DevPki;
}

/**
 * Returns the dev PKI in `dir`, generating it only when it is missing. Safe when several processes
 * (parallel test files) call it at once: one generates under a lock file, the others wait and read.
 */
export async function ensureDevPki(dir: string, opts: DevPkiOptions = {}): Promise<DevPki> {
  const existing = await readDevPki(dir);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const lock = await tryLock(lockPath);
    if (lock) {
      try {
        return (await readDevPki(dir)) ?? (await writeDevPki(dir, opts));
      } finally {
        await rm(lockPath, { force: true });
      }
    }
    const ready = await readDevPki(dir);
    if (ready) return ready;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the dev PKI lock ${lockPath}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** PKCS#12 with our AP key, its certificate and the CA chain (the format Java/phase4 keystores use). */
export function buildDevP12(pki: DevPki, password = DEV_P12_PASSWORD): Buffer {
  const key = forge.pki.privateKeyFromPem(pki.ourAp.keyPem);
  const chain = [pki.ourAp, pki.apCa, pki.rootCa].map((e) => forge.pki.certificateFromPem(e.certPem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, {
    algorithm: 'aes256',
    friendlyName: pki.ourAp.subjectCn.toLowerCase(),
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

async function tryLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(lockPath).catch(() => undefined);
    // A crashed generator leaves its lock behind; take it over once it is clearly stale.
    if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) await rm(lockPath, { force: true });
    return false;
  }
}

async function writeAtomically(file: string, data: string | Buffer, mode: number): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, file);
}
