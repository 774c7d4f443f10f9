/**
 * Offers back a cart that a closed or crashed tab left with items in it, while this register's own cart is empty:
 * the cashier resumes it here (it then belongs to this tab only) or throws it away. Nothing is dropped silently.
 */
import { useAction } from '../../hooks/use-action';
import { priceCart } from '../../../pos/pricing';
import { cart, discardLeftCart, leftCarts, resumeLeftCart } from '../../state/cart';
import { money, shop, timeOnly } from '../../state/shop';
import styles from './left-cart-offer.module.css';

/** The offer, or nothing when there is no left cart or this register's cart has items. */
export function LeftCartOffer() {
  const { run, busy, error } = useAction((action: () => Promise<void>) => action());
  const left = leftCarts.value[0];
  if (!left || (cart.value?.lines.length ?? 0) > 0) return null;
  const items = left.cart.lines.reduce((n, line) => n + line.quantity, 0);
  const total = priceCart(left.cart.lines, left.cart.orderDiscount, shop.value?.pricesIncludeTax ?? true).total;
  const act = (action: () => Promise<void>) => () => void run(action);
  return (
    <div class={styles.leftCart} role="region" aria-label="Sale left open" data-testid="left-cart">
      <p>
        A sale was left open in a window that was closed: {items} {items === 1 ? 'item' : 'items'}, {money(total)}, last changed{' '}
        {timeOnly(left.updatedAt)}.
      </p>
      <p class={styles.lines}>{left.cart.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}</p>
      {error && <p role="alert">{error}</p>}
      <button type="button" data-testid="left-cart-resume" disabled={busy} onClick={act(() => resumeLeftCart(left.registerId))}>
        Resume this sale
      </button>{' '}
      <button type="button" class="secondary" data-testid="left-cart-discard" disabled={busy} onClick={act(() => discardLeftCart(left.registerId))}>
        Discard it
      </button>
    </div>
  );
}
