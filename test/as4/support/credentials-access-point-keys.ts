import { AccessPointKeys, type As4KeyPair } from '../../../src/as4/receive/ports.js';

/**
 * AccessPointKeys over loaded credentials (e.g. the PKI ApKeystore's ApCredentials): the current
 * pair signs and decrypts; previous pairs still decrypt during a certificate rollover.
 */
export class CredentialsAccessPointKeys extends AccessPointKeys {
  constructor(
    private readonly current: As4KeyPair,
    private readonly previous: readonly As4KeyPair[] = [],
  ) {
    super();
  }

  signing(): As4KeyPair {
    return this.current;
  }

  decryption(): readonly As4KeyPair[] {
    return [this.current, ...this.previous];
  }
}
