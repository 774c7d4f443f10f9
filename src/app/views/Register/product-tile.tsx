/** One product as a tile on the register: name, price and stock (out of stock and negative stock stand out). */
import type { ComponentChildren } from 'preact';
import type { Product } from '../../../pos/product';
import { money } from '../../state/shop';
import styles from './register.module.css';

/** The stock line: a warning when it is negative (the shelf and the books disagree), marked when none is left. */
export function stockLabel(p: Product): { text: string; level: 'ok' | 'out' | 'negative' } {
  if (p.stock < 0) return { text: `${p.stock} in stock (count it)`, level: 'negative' };
  if (p.stock === 0) return { text: 'Out of stock', level: 'out' };
  return { text: `${p.stock} in stock`, level: 'ok' };
}

/** A tile that adds `product` when tapped; `children` go under it (the quick keys' arranging buttons). */
export function ProductTile({ product, testId, onAdd, disabled, pinned, children }: {
  product: Product;
  testId: string;
  onAdd(product: Product): void;
  disabled?: boolean;
  pinned?: boolean;
  children?: ComponentChildren;
}) {
  const stock = stockLabel(product);
  return (
    <div class={styles.tileCell}>
      <button type="button" class={styles.tile} data-testid={testId} data-pinned={pinned ? 'yes' : undefined} disabled={disabled || !product.active} onClick={() => onAdd(product)}>
        <span class={styles.tileName} title={product.name}>
          {pinned && <span class="sr-only">Pinned: </span>}
          {product.name}
        </span>
        <span class={styles.tilePrice}>{money(product.price)}</span>
        <small class={styles.tileStock} data-testid="tile-stock" data-level={stock.level} role={stock.level === 'negative' ? 'note' : undefined}>
          {stock.level === 'negative' && <span aria-hidden="true">⚠ </span>}
          {stock.text}
        </small>
      </button>
      {children}
    </div>
  );
}
