import { describe, expect, it } from 'vitest';
import { BlobStoreError } from './blob-store.js';
import { isStorageFull } from './storage-full.js';

describe('isStorageFull', () => {
  it('recognises the system errors by code', () => {
    expect(isStorageFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('write failed'), { code: 'EDQUOT' }))).toBe(true);
  });

  it('recognises them as text passed on from the writer thread, under a BlobStoreError', () => {
    const fromThread = new Error('ENOSPC: no space left on device, write');
    expect(isStorageFull(new BlobStoreError(`cannot store bytes: ${fromThread.message}`, { cause: fromThread }))).toBe(true);
  });

  it('recognises the free-space floor of the blob store', () => {
    expect(isStorageFull(new BlobStoreError('not enough free disk space in /data/blobs: 1024 bytes left'))).toBe(true);
  });

  it('looks through the cause chain, and only there', () => {
    const deep = new Error('job failed', { cause: new Error('store', { cause: Object.assign(new Error('x'), { code: 'ENOSPC' }) }) });
    expect(isStorageFull(deep)).toBe(true);
    expect(isStorageFull(new Error('EACCES: permission denied'))).toBe(false);
    expect(isStorageFull(new BlobStoreError('no stored blob abc'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    expect(isStorageFull('ENOSPC')).toBe(false);
  });
});
