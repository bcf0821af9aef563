import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { Clock } from '../common/clock.js';
import { ApIdentity, writeRolloverState } from './ap-identity.js';
import { DEV_PKI_FILES, DEV_P12_FILE, ensureDevPki, readDevPki, writeDevPki } from './dev-pki-files.js';
import { DEV_P12_PASSWORD } from './dev-pki.js';
import { runDevResponder } from './dev-responder.js';
import { pkiConfig } from './pki.config.js';
import { createPkiServices } from './pki.factory.js';

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

  pki
    .command('show')
    .description('Show our certificate(s) with expiry and rollover state, and the trusted CAs of the stage')
    .action(async () => {
      const clock = new Clock();
      const services = await createPkiServices(pkiConfig.load(), { clock });
      const identity = await ApIdentity.load(services.config, { clock, keystore: services.keystore });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`stage ${services.config.stage}, revocation ${services.config.revocation.policy}`);
      for (const slot of identity.slots()) {
        out(`${slot.slot}: CN=${slot.credentials.subjectCn} until ${slot.notAfter.toISOString()} (${slot.daysLeft} days)${slot.signing ? ' [signing]' : ' [decryption only]'}`);
      }
      const switchAt = identity.switchTime();
      if (switchAt) out(`rollover to next: ${switchAt.toISOString()}`);
      for (const line of services.trustStore.describe()) out(line);
    });

  pki
    .command('rollover')
    .description('Make the next key pair (AP_NEXT_*) sign from now (or --at); running processes pick it up without restart')
    .option('--at <iso>', 'switch time (ISO 8601 with zone); default now')
    .action(async (opts: { at?: string }) => {
      const at = opts.at === undefined ? new Date() : new Date(opts.at);
      if (Number.isNaN(at.getTime()) || (opts.at !== undefined && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(opts.at))) {
        throw new UsageError(`--at ${JSON.stringify(opts.at)} is not an ISO 8601 date-time with zone`);
      }
      const clock = new Clock();
      const cfg = pkiConfig.load();
      if (!cfg.rollover.nextKeySource) throw new UsageError('no next key pair configured (AP_NEXT_CERT/AP_NEXT_KEY or AP_NEXT_P12)');
      const services = await createPkiServices(cfg, { clock });
      const identity = await ApIdentity.load(cfg, { clock, keystore: services.keystore });
      const next = identity.slots().find((s) => s.slot === 'next')!.credentials;
      const check = await services.validator.validate(next.certificate, 'ap', at);
      if (!check.valid) throw new UsageError(`the next certificate is not acceptable at ${at.toISOString()}: ${check.message}`);
      try {
        await writeRolloverState(cfg.rollover.stateFile, next, at);
      } catch (error) {
        throw new UsageError(`cannot write ${cfg.rollover.stateFile}: ${(error as Error).message}`);
      }
      process.stdout.write(`rollover: CN=${next.subjectCn} signs from ${at.toISOString()} (state in ${cfg.rollover.stateFile})\n`);
    });

  pki
    .command('check')
    .description('Validate a certificate (PEM or DER file) like an inbound one: chain, validity, key usage, revocation')
    .argument('<file>', 'certificate file')
    .option('--purpose <purpose>', 'ap or smp', 'ap')
    .action(async (file: string, opts: { purpose: string }) => {
      if (opts.purpose !== 'ap' && opts.purpose !== 'smp') throw new UsageError('--purpose must be ap or smp');
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const clock = new Clock();
      const services = await createPkiServices(pkiConfig.load(), {
        clock,
        warnings: { warn: (_d, message) => process.stderr.write(`warning: ${message}\n`) },
      });
      const input = data.includes('-----BEGIN') ? data.toString('utf8') : new Uint8Array(data);
      const result = await services.validator.validate(input, opts.purpose, clock.now());
      if (result.valid) {
        process.stdout.write(`valid: CN=${result.subjectCn} issued by ${result.issuer.subjectCn}, revocation ${result.revocation.status}\n`);
      } else {
        process.stdout.write(`invalid (${result.code}): ${result.message}\n`);
        process.exitCode = 1;
      }
    });

  pki
    .command('dev-responder')
    .description('DEV ONLY: serve OCSP and CRLs for the dev PKI on the URLs its certificates name (until Ctrl-C)')
    .option('--dir <dir>', 'dev PKI directory', 'certs-dev')
    .option('--port <port>', 'port', '8089')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { dir: string; port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port ${opts.port} is not a port number`);
      const stop = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      try {
        await runDevResponder({ dir: opts.dir, port, host: opts.host }, stop, (line) => process.stdout.write(`${line}\n`));
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    });
}
