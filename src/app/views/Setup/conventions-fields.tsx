/**
 * The shop's conventions in the settings form: the locale its amounts, dates and times are shown, typed and
 * printed in, and the coin cash is rounded to. Each option shows what it looks like.
 */
import { CASH_ROUNDING_STEP } from '../../../pos/cash-rounding';
import { formatMoney, isCurrencyCode } from '../../../pos/currency';

/** Locales a shop is likely to want, each shown in its own language; any other can be typed in the field. */
const LOCALES = ['en-GB', 'en-US', 'en-IE', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-CH', 'fr-BE', 'it-IT', 'it-CH', 'nl-NL', 'es-ES', 'pt-PT', 'da-DK', 'sv-SE', 'nb-NO', 'fi-FI', 'pl-PL', 'cs-CZ', 'ja-JP'];
/** Cash steps in minor units: none, and the coins shops round to. */
const STEPS = [1, 5, 10, 50, 100];

/** The locale's name in its own language ("Deutsch (Schweiz)"), or the tag where the runtime has no name for it. */
function localeName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The form's values for these fields: a locale tag ('' for the browser's) and a step ('' for the currency's custom). */
export interface Conventions {
  locale: string;
  cashStep: string;
}

/** The two fields; `currency` is what the form has now (the examples and the custom follow it). */
export function ConventionsFields({ value, currency, onChange }: { value: Conventions; currency: string; onChange(next: Conventions): void }) {
  const code = isCurrencyCode(currency) ? currency : 'EUR';
  const example = (tag?: string) => formatMoney(123450, code, tag);
  const coin = (step: number) => (step <= 1 ? 'no rounding' : `to ${formatMoney(step, code, value.locale || undefined)}`);
  const custom = CASH_ROUNDING_STEP[code] ?? 1;
  return (
    <>
      <label>
        Language and number format
        <select data-testid="shop-locale" value={value.locale} onChange={(e) => onChange({ ...value, locale: e.currentTarget.value })}>
          <option value="">This device's ({navigator.language}: {example()})</option>
          {LOCALES.map((tag) => (
            <option key={tag} value={tag}>
              {localeName(tag)}: {example(tag)}
            </option>
          ))}
          {value.locale && !LOCALES.includes(value.locale) && <option value={value.locale}>{value.locale}</option>}
        </select>
      </label>
      <p class="hint">Amounts, dates and times on screen and on receipts, and how amounts are typed.</p>
      <label>
        Cash rounding
        <select data-testid="shop-cash-step" value={value.cashStep} onChange={(e) => onChange({ ...value, cashStep: e.currentTarget.value })}>
          <option value="">As usual for {code} ({coin(custom)})</option>
          {STEPS.map((step) => (
            <option key={step} value={String(step)}>
              {step <= 1 ? 'None: cash is charged to the cent' : `Round cash ${coin(step)}`}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">Only cash is rounded; cards are charged exactly. The receipt shows the rounding.</p>
    </>
  );
}
