import { describe, expect, it } from 'vitest';
import { admitDocument, DocumentRefusedError } from './prolog-guard.js';

function refusal(input: string | Buffer, max = 1024): string {
  try {
    admitDocument(input, max);
  } catch (error) {
    if (error instanceof DocumentRefusedError) return error.code;
    throw error;
  }
  return 'admitted';
}

describe('admitDocument', () => {
  it('admits a plain document and keeps its text', () => {
    expect(admitDocument('<?xml version="1.0"?><a/>', 100).text).toBe('<?xml version="1.0"?><a/>');
  });
  it('refuses a DOCTYPE, also after comments and processing instructions', () => {
    expect(refusal('<!DOCTYPE a><a/>')).toBe('XML-DOCTYPE');
    expect(refusal('<?xml version="1.0"?><!-- c --><?pi x?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toBe('XML-DOCTYPE');
  });
  it('is not fooled by DOCTYPE text inside a comment or the content', () => {
    expect(refusal('<!-- <!DOCTYPE a> --><a>&lt;!DOCTYPE</a>')).toBe('admitted');
  });
  it('refuses documents over the size limit before decoding them', () => {
    expect(refusal(Buffer.alloc(2048, 0x20))).toBe('XML-SIZE');
  });
  it('decodes the declared encoding and refuses bytes that are not in it', () => {
    const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), Buffer.from([0xe9]), Buffer.from('</a>')]);
    expect(admitDocument(latin1, 1024).text).toContain('<a>é</a>');
    const badUtf8 = Buffer.concat([Buffer.from('<a>'), Buffer.from([0xe9]), Buffer.from('</a>')]);
    expect(refusal(badUtf8)).toBe('XML-ENCODING');
    expect(refusal(Buffer.from('<?xml version="1.0" encoding="x-nonsense"?><a/>'))).toBe('XML-ENCODING');
  });
  it('refuses a prolog it cannot read', () => {
    expect(refusal('<?xml version="1.0"?><!BOGUS><a/>')).toBe('XML-WELLFORMED');
  });
});
