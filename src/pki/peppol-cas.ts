import { fileURLToPath } from 'node:url';

type CaRole = 'root' | 'ap' | 'smp';
type CaGeneration = 'G2' | 'G3';

/** One official Peppol CA certificate shipped in ./peppol-cas (see SOURCES.md there). */
export interface PeppolCa {
  file: string;
  network: 'test' | 'production';
  generation: CaGeneration;
  role: CaRole;
  /** SHA-256 of the DER certificate, lower-case hex; a file that no longer matches is refused. */
  sha256: string;
}

export const PEPPOL_CAS: readonly PeppolCa[] = [
  { file: 'peppol-root-ca-g3.pem', network: 'production', generation: 'G3', role: 'root', sha256: 'b6075b9f8655e756777f182d1407c0049442d3a2f57dff9781523828f331f211' },
  { file: 'peppol-access-point-ca-g3.pem', network: 'production', generation: 'G3', role: 'ap', sha256: 'b65e375a5826ada16517b2aa8a881b6fcaff5e48e7559b9e96bba5c64921f900' },
  { file: 'peppol-service-metadata-publisher-ca-g3.pem', network: 'production', generation: 'G3', role: 'smp', sha256: 'd9e17467c69e51fc4f5c5263542fc68d2abba5dfaae62e87fbd6829f1de621c4' },
  { file: 'peppol-root-test-ca-g3.pem', network: 'test', generation: 'G3', role: 'root', sha256: '8b4e0e5dc7c8208cba88edebfad31e064740d896ab6e18de0b03386fd24be734' },
  { file: 'peppol-access-point-test-ca-g3.pem', network: 'test', generation: 'G3', role: 'ap', sha256: 'd2445a0f115ee64cc141a849fe142927fe5701b7d9b58d3e6f53993162115cc0' },
  { file: 'peppol-service-metadata-publisher-test-ca-g3.pem', network: 'test', generation: 'G3', role: 'smp', sha256: 'eb78dabb622bbc701592f085bc27ab817fe1c0d4753ae829682e8127b3b00ce7' },
  { file: 'peppol-root-ca-g2.pem', network: 'production', generation: 'G2', role: 'root', sha256: 'f019b8a3225004039e2be8c83cdae021d5f5b66cdc4033977479b84d16073484' },
  { file: 'peppol-access-point-ca-g2.pem', network: 'production', generation: 'G2', role: 'ap', sha256: 'fb646e151d7285e76cf89266c1ab2954dc2e55d9c2bc7cc3ac8003e158f05dcd' },
  { file: 'peppol-service-metadata-publisher-ca-g2.pem', network: 'production', generation: 'G2', role: 'smp', sha256: '52895fd636652c194acd5c4db828a4c90416b54eaa5b1d3f3c66c67c8e65d847' },
  { file: 'peppol-root-test-ca-g2.pem', network: 'test', generation: 'G2', role: 'root', sha256: 'e4b8642757a02ddd4f887cb3a2c699792617685ead0be42de0c21ef590cdffad' },
  { file: 'peppol-access-point-test-ca-g2.pem', network: 'test', generation: 'G2', role: 'ap', sha256: '039a30ffca414446802af022bbb7ee614e986a12b92e952cb492c8ef62c962e6' },
  { file: 'peppol-service-metadata-publisher-test-ca-g2.pem', network: 'test', generation: 'G2', role: 'smp', sha256: '5fc0b129bbbd9d45124f9b59b2b2d32eebb929283783bf6f011c4afdef2dd82c' },
];

/** Directory holding the CA files (next to this module; the build must copy it beside the output). */
export const PEPPOL_CA_DIR = fileURLToPath(new URL('./peppol-cas/', import.meta.url));
