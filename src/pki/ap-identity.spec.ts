import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Clock } from '../common/clock.js';
import { ConfigError } from '../config/define-config.js';
import { ApIdentity, writeRolloverState } from './ap-identity.js';
import { createDevPki, type DevPki } from './dev-pki.js';
import { ApKeystore, type ApCredentials } from './keystore.js';
import { pkiConfig } from './pki.config.js';

class ManualClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.at.getTime());
  }
}

describe('ApIdentity rollover', () => {
  let pki: DevPki;
  let dir: string;
  let env: Record<string, string>;
  const keystore = new ApKeystore();
  const put = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const cn = (c: ApCredentials) => c.subjectCn;

  beforeAll(async () => {
    pki = await createDevPki();
    dir = mkdtempSync(path.join(tmpdir(), 'ap-identity-'));
    env = {
      AP_CERT: put('cur.pem', pki.ourAp.certPem),
      AP_KEY: put('cur.key', pki.ourAp.keyPem),
      AP_NEXT_CERT: put('next.pem', pki.partnerAp.certPem),
      AP_NEXT_KEY: put('next.key', pki.partnerAp.keyPem),
      PKI_ROLLOVER_STATE_FILE: path.join(dir, 'state', 'rollover.json'),
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without a next pair signs and decrypts with the current one', async () => {
    const identity = await ApIdentity.load(pkiConfig.load({ AP_CERT: env.AP_CERT!, AP_KEY: env.AP_KEY! }), { clock: new Clock(), keystore });
    expect(cn(identity.signing())).toBe('PDK000001');
    expect(identity.decryption().map(cn)).toEqual(['PDK000001']);
    expect(identity.slots()).toEqual([expect.objectContaining({ slot: 'current', signing: true })]);
  });

  it('decrypts with both pairs at once and switches signing at AP_NEXT_ACTIVATE_AT', async () => {
    const clock = new ManualClock(new Date());
    const switchAt = new Date(clock.at.getTime() + 60_000);
    const identity = await ApIdentity.load(pkiConfig.load({ ...env, AP_NEXT_ACTIVATE_AT: switchAt.toISOString() }), { clock, keystore });
    expect(cn(identity.signing())).toBe('PDK000001');
    expect(identity.decryption().map(cn)).toEqual(['PDK000001', 'PDK000002']);
    clock.at = switchAt;
    expect(cn(identity.signing())).toBe('PDK000002');
    expect(identity.decryption().map(cn)).toEqual(['PDK000002', 'PDK000001']);
    expect(identity.slots().map((s) => [s.slot, s.signing])).toEqual([['current', false], ['next', true]]);
  });

  it('switches when the rollover command writes the state file, and ignores a state for another certificate', async () => {
    const clock = new ManualClock(new Date());
    const cfg = pkiConfig.load(env);
    const identity = await ApIdentity.load(cfg, { clock, keystore });
    expect(cn(identity.signing())).toBe('PDK000001');

    const stranger = await keystore.load(pkiConfig.load({ AP_CERT: put('x.pem', pki.revokedAp.certPem), AP_KEY: put('x.key', pki.revokedAp.keyPem) }).keySource);
    await writeRolloverState(cfg.rollover.stateFile, stranger, clock.now());
    await identity.refresh();
    expect(cn(identity.signing())).toBe('PDK000001');

    const next = identity.slots().find((s) => s.slot === 'next')!.credentials;
    await writeRolloverState(cfg.rollover.stateFile, next, clock.now());
    await identity.refresh();
    expect(cn(identity.signing())).toBe('PDK000002');
    // A freshly started process reads the same state at load.
    expect(cn((await ApIdentity.load(cfg, { clock, keystore })).signing())).toBe('PDK000002');
  });

  it('picks up the rollover command by itself while watching', async () => {
    const clock = new ManualClock(new Date());
    const cfg = pkiConfig.load({ ...env, PKI_ROLLOVER_STATE_FILE: path.join(dir, 'watched.json') });
    const identity = await ApIdentity.load(cfg, { clock, keystore });
    const errors: Error[] = [];
    const stop = identity.watch(50, (e) => errors.push(e));
    try {
      expect(cn(identity.signing())).toBe('PDK000001');
      await writeRolloverState(cfg.rollover.stateFile, identity.slots()[1]!.credentials, clock.now());
      await vi.waitFor(() => expect(cn(identity.signing())).toBe('PDK000002'), { timeout: 2_000, interval: 25 });
      writeFileSync(cfg.rollover.stateFile, 'not json');
      await vi.waitFor(() => expect(errors[0]?.message).toMatch(/is not JSON/), { timeout: 2_000, interval: 25 });
    } finally {
      stop();
    }
  });

  it('refuses a next pair equal to the current one, and an activation time without a next pair', async () => {
    await expect(
      ApIdentity.load(pkiConfig.load({ ...env, AP_NEXT_CERT: env.AP_CERT!, AP_NEXT_KEY: env.AP_KEY! }), { clock: new Clock(), keystore }),
    ).rejects.toThrow(/same certificate/);
    const error = await ApIdentity.load(pkiConfig.load({ AP_CERT: env.AP_CERT!, AP_KEY: env.AP_KEY!, AP_NEXT_ACTIVATE_AT: '2030-01-01T00:00:00Z' }), {
      clock: new Clock(),
      keystore,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(() => pkiConfig.load({ AP_NEXT_ACTIVATE_AT: 'tomorrow' })).toThrow(/AP_NEXT_ACTIVATE_AT/);
  });

  it('names the AP_NEXT_ variables when the next pair is broken', async () => {
    await expect(
      ApIdentity.load(pkiConfig.load({ ...env, AP_NEXT_KEY: env.AP_KEY! }), { clock: new Clock(), keystore }),
    ).rejects.toThrow(/AP_NEXT_KEY .* does not match the certificate in AP_NEXT_CERT/);
    expect(() => pkiConfig.load({ AP_NEXT_P12: 'x.p12' })).toThrow(/AP_NEXT_P12_PASSWORD \(unset\)/);
  });
});
