import type { Command } from 'commander';
import { UsageError } from '../cli/main.js';
import { DEV_PKI_FILES, DEV_P12_FILE, ensureDevPki, readDevPki, writeDevPki } from './dev-pki-files.js';
import { DEV_P12_PASSWORD } from './dev-pki.js';

export function registerPkiCommands(program: Command): void {
  const pki = program.command('pki').description('Certificates and keys of this access point');
  pki
    .command('init')
    .description('Create a DEV ONLY test PKI (root, AP CA, our AP, partner AP, SMP, OCSP responder) as PEM files')
    .option('--dir <dir>', 'directory to write to', 'certs-dev')
    .option('--force', 'replace an existing dev PKI', false)
    .option('--ocsp-url <url>', 'OCSP URL written into the end-entity certificates')
    .option('--crl-base-url <url>', 'base URL of the CRLs named in the certificates')
    .action(async (opts: { dir: string; force: boolean; ocspUrl?: string; crlBaseUrl?: string }) => {
      const existed = (await readDevPki(opts.dir)) !== undefined;
      const options = { ocspUrl: opts.ocspUrl, crlBaseUrl: opts.crlBaseUrl };
      let pki;
      try {
        pki = opts.force ? await writeDevPki(opts.dir, options) : await ensureDevPki(opts.dir, options);
      } catch (error) {
        throw new UsageError(`cannot write the dev PKI to ${opts.dir}: ${(error as Error).message}`);
      }
      const verb = opts.force || !existed ? 'created' : 'kept existing (use --force to replace)';
      process.stdout.write(`dev PKI ${verb} in ${opts.dir} - DEV ONLY, NOT FOR PRODUCTION\n`);
      process.stdout.write(`  our AP: CN=${pki.ourAp.subjectCn}  ${DEV_PKI_FILES.ourAp.cert} ${DEV_PKI_FILES.ourAp.key} ${DEV_P12_FILE} (password "${DEV_P12_PASSWORD}")\n`);
      process.stdout.write(`  partner AP: CN=${pki.partnerAp.subjectCn}  ${DEV_PKI_FILES.partnerAp.cert}\n`);
      process.stdout.write(`  trust: ${DEV_PKI_FILES.rootCa.cert} ${DEV_PKI_FILES.apCa.cert} ${DEV_PKI_FILES.smpCa.cert}\n`);
    });
}
