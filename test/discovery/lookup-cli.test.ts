import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceGroupUrl, serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { writeDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { FakeSmpServer } from './support/fake-smp-server.js';
import { signEnveloped, smp1Metadata, smp1ServiceGroup } from './support/smp-documents.js';

const PARTICIPANT = '0088:7315458756324';
const ORDER = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1';
const ORDERING = 'urn:fdc:peppol.eu:poacc:bis:ordering:3';

describe('peppol-ap lookup', () => {
  const smp = new FakeSmpServer();
  let dir: string;
  let pki: DevPki;
  let output = '';
  const saved = { ...process.env };

  beforeAll(async () => {
    await smp.start();
    dir = mkdtempSync(path.join(tmpdir(), 'lookup-cli-'));
    pki = await writeDevPki(dir);
    Object.assign(process.env, { PEPPOL_STAGE: 'dev', PKI_DEV_DIR: dir, PKI_REVOCATION_POLICY: 'off' });
    const participant = parseParticipant(PARTICIPANT);
    smp.serve(
      serviceMetadataUrl('', participant, parseDocumentType(ORDER)),
      signEnveloped(
        smp1Metadata({ participant: PARTICIPANT, documentType: ORDER, process: ORDERING, endpoints: [{ address: 'https://ap.example/as4', certificatePem: pki.partnerAp.certPem }] }),
        pki.smp.keyPem,
        pki.smp.certPem,
      ),
    );
    smp.serve(serviceGroupUrl('', participant), smp1ServiceGroup(smp.url, PARTICIPANT, [ORDER]));
  });
  afterAll(async () => {
    process.env = saved;
    await smp.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  const run = async (...args: string[]) => {
    output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    await buildProgram().parseAsync(['node', 'peppol-ap', 'lookup', ...args]);
  };

  it('prints the endpoint, the receiver and how it was found', async () => {
    await run(PARTICIPANT, ORDER, '--process', ORDERING, '--smp', smp.url);
    expect(output).toContain(`SMP fixed by configuration: ${smp.url}`);
    expect(output).toContain('signature valid, signed by PDK000070');
    expect(output).toContain('endpoint      https://ap.example/as4 (peppol-transport-as4-v2_0)');
    expect(output).toContain('receiver      PDK000002 (AS4 To/PartyId)');
    expect(output).toContain('-----BEGIN CERTIFICATE-----');
    expect(process.exitCode).toBeUndefined();
  });

  it('lists registered document types without a document type argument', async () => {
    await run(PARTICIPANT, '--smp', smp.url);
    expect(output).toContain('document types: 1');
    expect(output).toContain(`busdox-docid-qns::${ORDER}`);
  });

  it('explains a failure and exits with 1', async () => {
    await run('0088:1111111111111', ORDER, '--smp', smp.url);
    expect(output).toMatch(/^not reachable: smp-not-found: SMP has no entry/);
    expect(process.exitCode).toBe(1);
  });

  it('prints JSON on request', async () => {
    await run(PARTICIPANT, ORDER, '--smp', smp.url, '--json');
    expect(JSON.parse(output)).toMatchObject({ endpoint: { url: 'https://ap.example/as4', receiverCn: 'PDK000002' } });
  });

  it('rejects a malformed participant as a usage error', async () => {
    await expect(run('not-a-participant', ORDER)).rejects.toThrow(/ICD:identifier/);
  });
});
