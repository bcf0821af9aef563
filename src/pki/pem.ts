const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate block in a PEM text (a file may hold a chain), in file order. */
export function splitPemCertificates(text: string): string[] {
  return (text.match(CERTIFICATE_BLOCK) ?? []).map((block) => `${block}\n`);
}

/** PEM of a DER certificate (e.g. the base64 body an SMP publishes). */
export function derToPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
