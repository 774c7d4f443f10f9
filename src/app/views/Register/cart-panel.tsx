/** The cart beside the product search: lines with quantity and discount, the order discount, and the totals. */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Discount } from '../../../pos/pricing';
import { removeLine, setLineDiscount, setQuantity } from '../../../pos/cart';
import { formatDiscount, parseDiscount } from '../../../pos/discount';
import { cart, cartSaveState, totals, updateCart } from '../../state/cart';
import { digits, locale, money, percent, shop } from '../../state/shop';
import { LinePrice } from './line-price';
import styles from './register.module.css';

/** A text field for a discount ("10%" or "1.50"), applied on Enter or when it loses the focus. */
function DiscountField(props: { value: Discount | null; onChange(d: Discount | null): void; label: string; testId: string }) {
  const [text, setText] = useState(formatDiscount(props.value, digits(), locale()));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(formatDiscount(props.value, digits(), locale())), [props.value]);
  const apply = () => {
    const parsed = parseDiscount(text, digits(), locale());
    setBad(parsed === undefined);
    if (parsed !== undefined && JSON.stringify(parsed) !== JSON.stringify(props.value)) props.onChange(parsed);
  };
  return (
    <input
      class={`${styles.discount} ${bad ? styles.invalid : ''}`}
      aria-label={props.label}
      aria-invalid={bad}
      placeholder="% or amount"
      value={text}
      data-testid={props.testId}
      onInput={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
    />
  );
}

/** The cart and its totals. `onPay` opens the payment. */
export function CartPanel({ onPay }: { onPay(): void }) {
  const current = cart.value;
  const t = totals.value;
  if (!current) return <section class={styles.cart}>Loading the cart…</section>;
  const saveState = cartSaveState.value;
  return (
    <section class={styles.cart} aria-label="Cart">
      <header class={styles.cartHead}>
        <h2>Sale</h2>
        <span class={styles.saved} data-testid="cart-saved" data-state={saveState}>
          {saveState === 'saved' ? 'Cart saved' : saveState === 'saving' ? 'Saving…' : 'Not saved!'}
        </span>
      </header>
      {current.lines.length === 0 ? (
        <p class={styles.cartEmpty}>Scan a barcode or tap a product to start a sale.</p>
      ) : (
        <ol class={styles.lines}>
          {current.lines.map((line, i) => (
            <li key={`${line.productId}-${i}`} class={styles.line} data-testid="cart-line">
              <div class={styles.lineName}>
                <strong>{line.name}</strong>
                <LinePrice line={line} index={i} />
                <small>tax {percent(line.taxBp)}</small>
              </div>
              <div class={styles.qty}>
                <button type="button" aria-label={`One less ${line.name}`} onClick={() => updateCart((c) => setQuantity(c, i, line.quantity - 1))}>
                  −
                </button>
                <input
                  type="number"
                  min={1}
                  inputMode="numeric"
                  aria-label={`Quantity of ${line.name}`}
                  data-testid="line-qty"
                  value={line.quantity}
                  onChange={(e) => updateCart((c) => setQuantity(c, i, Number(e.currentTarget.value) || 0))}
                />
                <button type="button" aria-label={`One more ${line.name}`} onClick={() => updateCart((c) => setQuantity(c, i, line.quantity + 1))}>
                  +
                </button>
              </div>
              <DiscountField
                label={`Discount on ${line.name}`}
                testId="line-discount"
                value={line.discount}
                onChange={(d) => updateCart((c) => setLineDiscount(c, i, d))}
              />
              <span class={styles.lineAmount} data-testid="line-amount">
                {money(t.lines[i]?.amount ?? 0)}
              </span>
              <button type="button" class={`remove ${styles.remove}`} aria-label={`Remove ${line.name}`} onClick={() => updateCart((c) => removeLine(c, i))}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <footer class={styles.cartFoot}>
        <label class={styles.orderDiscount}>
          Order discount
          <DiscountField
            label="Order discount"
            testId="order-discount"
            value={current.orderDiscount}
            onChange={(d) => updateCart((c) => ({ ...c, orderDiscount: d }))}
          />
        </label>
        <dl class="sums">
          <dt>Subtotal</dt>
          <dd data-testid="cart-subtotal">{money(t.subtotal)}</dd>
          {t.discountTotal > 0 && (
            <>
              <dt>Discounts</dt>
              <dd data-testid="cart-discounts">− {money(t.discountTotal)}</dd>
            </>
          )}
          {t.taxes.map((band) => (
            <Fragment key={band.taxBp}>
              <dt class="tax">
                {shop.value?.pricesIncludeTax ? 'incl.' : 'plus'} tax {percent(band.taxBp)}
              </dt>
              <dd class="tax">{money(band.tax)}</dd>
            </Fragment>
          ))}
          <dt class="grand">Total</dt>
          <dd class="grand" data-testid="cart-total">
            {money(t.total)}
          </dd>
        </dl>
        <div class={styles.cartActions}>
          <button
            type="button"
            class="secondary"
            disabled={current.lines.length === 0}
            onClick={() => updateCart((c) => ({ ...c, lines: [], orderDiscount: null, tenders: [] }))}
          >
            Clear
          </button>
          <button type="button" class={styles.pay} data-testid="pay" disabled={current.lines.length === 0} onClick={onPay}>
            Pay {money(t.total)} <kbd>F8</kbd>
          </button>
        </div>
      </footer>
    </section>
  );
}
