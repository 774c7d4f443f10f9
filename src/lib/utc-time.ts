/**
 * A stored time as the UTC ISO 8601 text the UI shows. Schema 3 keeps sales' times as UTC milliseconds (an
 * integer); older schemas (which backups and imports may hold) and other tables keep ISO text: both read the same.
 */
export function utcText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value)).toISOString();
  return String(value);
}
