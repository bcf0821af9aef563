import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/** pkijs bound to Node's WebCrypto; pass it explicitly so no global engine state is involved. */
export const pkijsEngine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never });

export { pkijs };
