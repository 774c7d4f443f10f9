/**
 * The shop's settings: the first-run setup (shown instead of every other view until it is done) and, later, the
 * place to change them. "Load a sample shop" fills a demo catalogue and a few days of sales.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Shop } from '../../../pos/shop';
import { isCurrencyCode, parsePercent } from '../../../pos/currency';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { registerId } from '../../state/cart';
import { locale, percent, shop } from '../../state/shop';
import { toLocalePercent } from '../../../pos/locale-amount';
import { ConventionsFields } from './conventions-fields';
import { navigate } from '../../router';
import './style.css';

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'ZAR', 'BRL', 'MXN'];

function guessCurrency(): string {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    const byRegion: Record<string, string> = { US: 'USD', GB: 'GBP', CH: 'CHF', JP: 'JPY', CA: 'CAD', AU: 'AUD', SE: 'SEK', IN: 'INR' };
    return (region && byRegion[region]) || 'EUR';
  } catch {
    return 'EUR';
  }
}

export function SetupView() {
  const current = shop.value;
  const [form, setForm] = useState({ name: '', address: '', phone: '', taxNumber: '', currency: guessCurrency(), included: 'yes', tax: '20', locale: '', cashStep: '' });
  const { run, busy, error, setError } = useAction(async (action: () => Promise<unknown>) => {
    await action();
    shop.value = await db().send('shop.get', {});
    navigate('/');
  });
  useEffect(() => {
    if (current) {
      setForm({
        name: current.name,
        address: current.address,
        phone: current.phone,
        taxNumber: current.taxNumber,
        currency: current.currency,
        included: current.pricesIncludeTax ? 'yes' : 'no',
        tax: toLocalePercent(current.defaultTaxBp, locale()),
        locale: current.locale ?? '',
        cashStep: current.cashStep ? String(current.cashStep) : '',
      });
    }
  }, [current]);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const save = (event: Event) => {
    event.preventDefault();
    const currency = form.currency.trim().toUpperCase();
    const taxBp = parsePercent(form.tax.replace('%', '').trim(), 1000);
    if (!isCurrencyCode(currency)) return setError(`"${form.currency}" is not an ISO 4217 currency code, such as EUR, USD or JPY.`);
    if (taxBp === null) return setError('The default tax rate must be a percentage, for example 20 or 5.5.');
    const next: Shop = {
      name: form.name,
      address: form.address,
      phone: form.phone,
      taxNumber: form.taxNumber,
      currency,
      pricesIncludeTax: form.included === 'yes',
      defaultTaxBp: taxBp,
      locale: form.locale || null,
      cashStep: form.cashStep ? Number(form.cashStep) : null,
    };
    void run(() => db().send('shop.save', next));
  };

  return (
    <section class="setup">
      <h1>{current ? 'Shop settings' : 'Welcome to Tillite'}</h1>
      {!current && (
        <div class="card sample">
          <p>Just looking? Load a sample café with a catalogue and a few days of sales, and try everything.</p>
          <button type="button" data-testid="load-sample" disabled={busy} onClick={() => void run(() => db().send('shop.loadSample', { registerId: registerId() }))}>
            Load a sample shop
          </button>
        </div>
      )}
      <form class="card setup-form" onSubmit={save}>
        {!current && <p>Or set up your own shop: this takes a minute and can be changed later.</p>}
        <label>
          Shop name <input required maxLength={120} data-testid="shop-name" {...field('name')} />
        </label>
        <label>
          Address <input data-testid="shop-address" {...field('address')} />
        </label>
        <label>
          Phone <input type="tel" data-testid="shop-phone" {...field('phone')} />
        </label>
        <label>
          VAT / tax number <input data-testid="shop-tax-number" {...field('taxNumber')} />
        </label>
        <label>
          Currency (ISO 4217)
          <input list="currencies" maxLength={3} data-testid="shop-currency" {...field('currency')} />
          <datalist id="currencies">
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label>
          Prices are entered
          <select data-testid="shop-prices" value={form.included} onChange={(e) => setForm({ ...form, included: e.currentTarget.value })}>
            <option value="yes">including tax (as on the shelf label)</option>
            <option value="no">excluding tax (tax is added at the till)</option>
          </select>
        </label>
        <label>
          Default tax rate (%) <input inputMode="decimal" data-testid="shop-tax" {...field('tax')} />
        </label>
        {current && <p class="hint">Default tax now {percent(current.defaultTaxBp)}.</p>}
        <ConventionsFields
          value={{ locale: form.locale, cashStep: form.cashStep }}
          currency={form.currency.trim().toUpperCase()}
          onChange={(next) => setForm({ ...form, ...next })}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" data-testid="shop-save" disabled={busy}>
          {current ? 'Save settings' : 'Open the shop'}
        </button>
      </form>
    </section>
  );
}
