import { describe, expect, it } from 'vitest';
import { downloadMediaType, downloadName } from './downloads.js';

describe('download content types', () => {
  it.each([
    [{ role: 'received-raw', mediaType: 'multipart/related; boundary="b"; type="application/soap+xml"' }, 'multipart/related; boundary="b"; type="application/soap+xml"', 'mime'],
    [{ role: 'received-raw', mediaType: 'multipart/related;\r\nX-Injected: 1' }, 'application/octet-stream', 'bin'],
    [{ role: 'sbd', mediaType: 'text/plain' }, 'application/xml', 'xml'],
    [{ role: 'receipt', mediaType: 'application/xml' }, 'application/soap+xml', 'xml'],
    [{ role: 'order', mediaType: 'application/xml' }, 'application/xml', 'xml'],
    [{ role: 'catalogue-response', mediaType: 'text/xml' }, 'application/xml', 'xml'],
  ])('%j is served as %s', (doc, type, extension) => {
    expect(downloadMediaType(doc)).toBe(type);
    expect(downloadName('m1', doc)).toBe(`m1-${doc.role}.${extension}`);
  });
});
