/**
 * Amounts as people of a locale type and read them: "1,50" and "1.234,50" in de-DE, "1,234.50" in en-US,
 * "1 234,50" in fr-FR. Field values are pre-filled in the same form, so what the app writes it can read back.
 * Never goes through floating point: the text becomes a plain decimal that parseDecimal turns into minor units.
 */
import { parseDecimal, toDecimal } from './currency';

const SPACES = /[\s\u00a0\u202f]/g;

/** The decimal mark and the digit-group mark of `locale` (the browser's when undefined). */
export function separators(locale?: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = (parts.find((p) => p.type === 'group')?.value ?? ',').replace(SPACES, ' ');
  return { decimal, group };
}

/** Whether `digits` is a whole number written with `group` every three digits ("1.234.567"), or plain. */
function isGroupedWhole(digits: string, group: string): boolean {
  if (/^\d+$/.test(digits)) return true;
  const escaped = group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(digits);
}

/**
 * Reads `text` typed in `locale` as minor units with `digits` decimals; null when it is not an amount. The
 * locale's own decimal mark always works; the other mark ("." in de-DE) is read as a decimal mark too unless it
 * groups thousands ("1.234" is 1234 in de-DE, "12.50" is 12.50).
 */
export function parseLocaleAmount(text: string, digits: number, locale?: string, allowNegative = false): number | null {
  const { decimal, group } = separators(locale);
  let clean = text.trim().replace(SPACES, ' ');
  const negative = clean.startsWith('-') || clean.startsWith('−');
  if (negative) clean = clean.slice(1).trim();
  let whole = clean;
  let fraction: string | null = null;
  const at = clean.lastIndexOf(decimal);
  if (at >= 0) {
    whole = clean.slice(0, at);
    fraction = clean.slice(at + 1);
  } else {
    const other = decimal === ',' ? '.' : ',';
    const otherAt = clean.lastIndexOf(other);
    const groupsThousands = other === group && isGroupedWhole(clean, group);
    if (otherAt >= 0 && !groupsThousands && clean.indexOf(other) === otherAt) {
      whole = clean.slice(0, otherAt);
      fraction = clean.slice(otherAt + 1);
    }
  }
  if (whole === '' && fraction !== null) whole = '0';
  if (!isGroupedWhole(whole, group) && !(group !== ' ' && isGroupedWhole(whole, ' '))) return null;
  if (fraction !== null && !/^\d*$/.test(fraction)) return null;
  const plain = `${negative ? '-' : ''}${whole.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`;
  return parseDecimal(plain, digits, allowNegative);
}

/** `minor` as a person of `locale` types it, without grouping: 123450 with 2 digits → "1234,50" in de-DE. */
export function toLocaleDecimal(minor: number, digits: number, locale?: string): string {
  const plain = toDecimal(minor, digits);
  return digits === 0 ? plain : plain.replace('.', separators(locale).decimal);
}

/** Basis points as a person of `locale` types a percentage, without trailing zeros: 550 → "5,5" in de-DE. */
export function toLocalePercent(bp: number, locale?: string): string {
  const text = toLocaleDecimal(bp, 2, locale);
  return text.replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
}
