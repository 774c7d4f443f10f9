import { describe, expect, it } from 'vitest';
import { firstRead } from './first-read';

describe('a view\'s first read', () => {
  it('stands for the first effect when the view asks the same and nothing was announced', async () => {
    const read = firstRead('{"q":""}', 3, Promise.resolve({ products: [1, 2] }));
    await expect(read.take('{"q":""}', 3)).resolves.toEqual({ products: [1, 2] });
  });

  it('is read again when a write was announced between the read and the effect', () => {
    const read = firstRead('{"q":""}', 3, Promise.resolve('before the sale'));
    expect(read.take('{"q":""}', 4)).toBeNull();
  });

  it('is read again when the view now asks something else', () => {
    const read = firstRead('{"q":""}', 0, Promise.resolve('all'));
    expect(read.take('{"q":"milk"}', 0)).toBeNull();
  });

  it('is handed over once', async () => {
    const read = firstRead('k', 0, Promise.resolve(1));
    await expect(read.take('k', 0)).resolves.toBe(1);
    expect(read.take('k', 0)).toBeNull();
  });

  it('keeps its failure for the view that uses it', async () => {
    const read = firstRead('k', 0, Promise.reject(new Error('The database is busy')));
    await expect(read.take('k', 0)).rejects.toThrow('The database is busy');
  });

  it('fails quietly when it is not used', async () => {
    // An unhandled rejection would fail this run (vitest reports it as an error).
    const read = firstRead('k', 0, Promise.reject(new Error('not used')));
    expect(read.take('other', 0)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
