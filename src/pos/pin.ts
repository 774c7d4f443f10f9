/**
 * Staff PINs: checked for shape, and stored only as a salted slow hash (PBKDF2-HMAC-SHA-256 through WebCrypto),
 * so that a copy of the database or a backup file does not give anyone the PINs. A 4–8 digit PIN has at most
 * 10^8 values, so the hash's cost per guess is what protects it offline; the lockout (lockout.ts) protects it at
 * the till.
 */

/** The iteration count new hashes use: above the 100,000 floor, and still about a tenth of a second on a till. */
export const PIN_ITERATIONS = 150_000;
/** The least iteration count a stored hash may claim; a record asking for fewer is refused, not trusted. */
export const MIN_PIN_ITERATIONS = 100_000;

/** A PIN as stored: never the PIN itself. */
export interface PinHash {
  /** The per-user random salt, 16 bytes as hex. */
  salt: string;
  iterations: number;
  /** The 32-byte derived key as hex. */
  hash: string;
}

const PIN_SHAPE = /^[0-9]{4,8}$/;

/** Why `pin` cannot be a PIN, for the person choosing it; null when it can. */
export function pinProblem(pin: string): string | null {
  if (!PIN_SHAPE.test(pin)) return 'A PIN is 4 to 8 digits (0–9), nothing else.';
  if (/^(.)\1+$/.test(pin)) return 'A PIN of one repeated digit is too easy to guess; choose another.';
  return null;
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) throw new TypeError('not lower-case hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Hashes `pin` with a fresh random salt (or `salt`, hex, for tests of known values). */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS, salt?: string): Promise<PinHash> {
  if (iterations < MIN_PIN_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${MIN_PIN_ITERATIONS} iterations`);
  const saltBytes = salt === undefined ? crypto.getRandomValues(new Uint8Array(16)) : fromHex(salt);
  return { salt: toHex(saltBytes), iterations, hash: toHex(await derive(pin, saltBytes, iterations)) };
}

/** Whether `pin` is the PIN `stored` was made from. Compares every byte, whatever the first difference. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.iterations < MIN_PIN_ITERATIONS || !PIN_SHAPE.test(pin)) return false;
  const expected = fromHex(stored.hash);
  const actual = await derive(pin, fromHex(stored.salt), stored.iterations);
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] as number) ^ (actual[i] ?? 0);
  return diff === 0;
}
