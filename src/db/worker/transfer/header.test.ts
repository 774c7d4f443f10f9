/**
 * The header check from a file's first bytes and its size alone: what lets a huge file be refused before it is
 * copied or read (a valid header followed by 1 GB of zeros costs 4 KiB to refuse).
 */
import { describe, expect, it } from 'vitest';
import { checkHeaderOf, HEAD_BYTES, UNCHANGED } from './header';

/** The first page's header of a rollback-journal file of `pages` pages of 4096 bytes, as SQLite writes it. */
function head(pages: number): Uint8Array {
  const bytes = new Uint8Array(HEAD_BYTES);
  bytes.set(new TextEncoder().encode('SQLite format 3\u0000'), 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(16, 4096);
  bytes[18] = 1;
  bytes[19] = 1;
  view.setUint32(24, 7); // change counter
  view.setUint32(28, pages); // size in pages, valid because…
  view.setUint32(92, 7); // …the "version valid for" equals the change counter
  view.setUint32(68, 0x54494c4c);
  return bytes;
}

const GIB = 1024 ** 3;

describe('the header check from the first bytes and the size', () => {
  it('refuses a three-page header followed by 1 GB of zeros, from 4 KiB', () => {
    const result = checkHeaderOf(head(3), GIB);
    expect(result).toMatchObject({ ok: false, reason: 'size-mismatch' });
    expect((result as { message: string }).message).toContain(`This file's size (${GIB} bytes) does not match its header`);
    expect((result as { message: string }).message).toContain(UNCHANGED);
  });

  it('refuses a file cut off before the pages its header counts', () => {
    expect(checkHeaderOf(head(300), 4096 * 2)).toMatchObject({ ok: false, reason: 'size-mismatch', message: expect.stringContaining('incomplete') });
  });

  it('accepts the size its header counts and reports the header', () => {
    expect(checkHeaderOf(head(3), 3 * 4096)).toMatchObject({ pageSize: 4096, pageCount: 3, wal: false, applicationId: 0x54494c4c });
  });

  it('refuses an empty file and a foreign one by their first bytes', () => {
    expect(checkHeaderOf(new Uint8Array(0), 0)).toMatchObject({ reason: 'empty' });
    expect(checkHeaderOf(new TextEncoder().encode('sku,name,price\n1,Tea,250\n'), GIB)).toMatchObject({ reason: 'not-sqlite', message: expect.stringContaining('a text file') });
  });
});
