/**
 * A cart line's unit price, which the cashier may change (a price override): the price is a button (Tab, Enter or
 * a tap), which turns into a field for the amount in the shop's locale; Enter or leaving the field applies it, Esc
 * keeps the price. A changed price shows the catalogue's struck through beside it. Selling below the catalogue's
 * price needs a manager's or the owner's PIN: the worker asks for it when the sale is completed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isOverridden, setUnitPrice, type CartLine } from '../../../pos/cart';
import { parseLocaleAmount, toLocaleDecimal } from '../../../pos/locale-amount';
import { updateCart } from '../../state/cart';
import { digits, locale, money } from '../../state/shop';
import styles from './register.module.css';

/** The unit price of cart line `index`, and the field to change it. */
export function LinePrice({ line, index }: { line: CartLine; index: number }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // Esc closes the field, and the blur that closing it causes must not apply what was typed.
  const kept = useRef(false);
  useEffect(() => {
    if (editing) field.current?.select();
  }, [editing]);

  const open = () => {
    setText(toLocaleDecimal(line.unitPrice, digits(), locale()));
    setBad(false);
    kept.current = false;
    setEditing(true);
  };
  const apply = () => {
    if (kept.current) return;
    const price = parseLocaleAmount(text, digits(), locale());
    if (price === null) {
      // The field stays open with what was typed, so nothing is lost and the cashier sees what to correct.
      setBad(true);
      return;
    }
    setEditing(false);
    if (price !== line.unitPrice) updateCart((c) => setUnitPrice(c, index, price));
  };

  if (editing) {
    return (
      <span class={styles.priceEdit}>
        <input
          ref={field}
          class={`${styles.price} ${bad ? styles.invalid : ''}`}
          inputMode="decimal"
          aria-label={`New price of ${line.name}`}
          aria-invalid={bad}
          aria-describedby={bad ? `price-error-${index}` : undefined}
          data-testid="line-price-input"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') {
              // Esc here closes the field, not the page's dialog or anything else listening.
              e.preventDefault();
              e.stopPropagation();
              kept.current = true;
              setEditing(false);
            }
          }}
        />
        {bad && (
          <small id={`price-error-${index}`} class={styles.priceError} role="alert">
            Type a price such as {toLocaleDecimal(line.unitPrice, digits(), locale())}
          </small>
        )}
      </span>
    );
  }
  const overridden = isOverridden(line);
  return (
    <span class={styles.priceShow}>
      <button
        type="button"
        class={`secondary ${styles.priceButton}`}
        // The visible price stands in the name as it is (not in brackets, which assistive tools may drop).
        aria-label={`Change the price of ${line.name}, now ${money(line.unitPrice)}`}
        data-testid="line-price"
        onClick={open}
      >
        {money(line.unitPrice)}
      </button>
      {overridden && (
        <small data-testid="line-list-price">
          price changed, catalogue <s>{money(line.listPrice as number)}</s>
        </small>
      )}
    </span>
  );
}
