import { expect, it } from 'vitest';
import { utcText } from './utc-time';

it('reads UTC milliseconds and ISO text alike', () => {
  expect(utcText(1767604320123)).toBe('2026-01-05T09:12:00.123Z');
  expect(utcText(1767604320123n)).toBe('2026-01-05T09:12:00.123Z');
  expect(utcText('2026-01-05T09:12:00.123Z')).toBe('2026-01-05T09:12:00.123Z');
  expect(utcText(null)).toBeNull();
  expect(utcText(undefined)).toBeNull();
});
