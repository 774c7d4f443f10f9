import { describe, expect, it } from 'vitest';
import { hashPin, MIN_PIN_ITERATIONS, PIN_ITERATIONS, pinProblem, verifyPin } from './pin';

describe('PIN hashing', () => {
  it('stores a salted slow hash, never the PIN, and checks it back', async () => {
    const stored = await hashPin('4821');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('48210', stored)).toBe(false);
  });
  it('salts each hash on its own: the same PIN twice gives two different records', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
  it('is PBKDF2-HMAC-SHA-256: the same key as Node’s own implementation for the same salt and count', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = '00112233445566778899aabbccddeeff';
    const ours = await hashPin('13579', MIN_PIN_ITERATIONS, salt);
    const node = pbkdf2Sync('13579', Buffer.from(salt, 'hex'), MIN_PIN_ITERATIONS, 32, 'sha256').toString('hex');
    expect(ours.hash).toBe(node);
  });
  it('refuses a record that asks for fewer iterations than the floor', async () => {
    const stored = await hashPin('4821');
    expect(await verifyPin('4821', { ...stored, iterations: 1000 })).toBe(false);
    await expect(hashPin('4821', 1000)).rejects.toThrow(RangeError);
  });
  it('says why a PIN is not acceptable', () => {
    expect(pinProblem('4821')).toBeNull();
    expect(pinProblem('12345678')).toBeNull();
    expect(pinProblem('123')).toMatch(/4 to 8 digits/);
    expect(pinProblem('123456789')).toMatch(/4 to 8 digits/);
    expect(pinProblem('12a4')).toMatch(/4 to 8 digits/);
    expect(pinProblem('7777')).toMatch(/repeated digit/);
  });
});
