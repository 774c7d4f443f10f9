/**
 * The quick keys: up to 24 products one tap away, by category tab (see handlers/quick-keys.ts for which). The
 * owner arranges them here: "Arrange" shows Pin / Unpin on every tile (also on search results, to pin any
 * product) and Earlier / Later on the pinned ones; each change is saved at once.
 */
import type { Product } from '../../../pos/product';
import type { QuickKey } from '../../../db/protocol/quick-keys';
import { withStock } from '../../../db/protocol/changes';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { errorText } from '../../hooks/use-action';
import { ProductTile } from './product-tile';
import styles from './register.module.css';

type Keys = { keys: QuickKey[]; tabs: { id: number; name: string }[]; pinned: number[] };
/** The quick keys with the new stock of the products a sale changed (the same object when none is shown). */
export const withKeyStock = (data: Keys, stock: Record<number, number>): Keys => {
  const keys = withStock(data.keys, stock);
  return keys === data.keys ? data : { ...data, keys };
};

/** The pinned list with `id` moved one place `by` (−1 earlier, +1 later) among `visible` pinned ids. */
export function movePinned(pinned: number[], visible: number[], id: number, by: -1 | 1): number[] {
  const at = visible.indexOf(id);
  const other = visible[at + by];
  if (at < 0 || other === undefined) return pinned;
  const next = [...pinned];
  const i = next.indexOf(id);
  const j = next.indexOf(other);
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Pin / Unpin for any tile while arranging; `pinned` is the current list. */
export function PinButton({ product, pinned, onChange }: { product: Product; pinned: number[]; onChange(next: number[]): void }) {
  const isPinned = pinned.includes(product.id);
  return (
    <button
      type="button"
      class={`secondary ${styles.arrangeButton}`}
      data-testid="quick-pin"
      aria-pressed={isPinned}
      aria-label={`${isPinned ? 'Unpin' : 'Pin'} ${product.name}`}
      onClick={() => onChange(isPinned ? pinned.filter((id) => id !== product.id) : [...pinned, product.id])}
    >
      {isPinned ? 'Unpin' : 'Pin'}
    </button>
  );
}

/** The quick keys of one category tab (null: all), kept fresh; the register reads them to choose its first view. */
export function useQuickKeys(tab: number | null) {
  return useQuery('quickKeys.get', { categoryId: tab }, ['catalog'], { patchStock: withKeyStock }).data;
}

/** The category tabs (All, then each top-level category with something on sale); the register places them. */
export function KeyTabs({ data, tab, onTab }: { data: Keys | null; tab: number | null; onTab(tab: number | null): void }) {
  return (
    <div class={styles.keyTabs} role="group" aria-label="Quick key categories">
      {[{ id: null, name: 'All' }, ...(data?.tabs ?? [])].map((t) => (
        <button key={t.id ?? 'all'} type="button" class="secondary" data-testid="quick-tab" aria-pressed={tab === t.id} onClick={() => onTab(t.id)}>
          {t.name}
        </button>
      ))}
    </div>
  );
}

/** The grid of one tab. `arranging` shows the arranging buttons; `onAdd` adds a product to the cart. */
export function QuickKeys({ data, arranging, onAdd, onError }: {
  data: Keys | null;
  arranging: boolean;
  onAdd(product: Product): void;
  onError(text: string): void;
}) {
  const save = (next: number[]) => db().send('quickKeys.set', { productIds: next }).catch((e: unknown) => onError(`The quick keys were not changed: ${errorText(e)}`));
  const visiblePinned = data?.keys.filter((k) => k.pinned).map((k) => k.id) ?? [];
  return (
    <>
      <div class={styles.tiles} data-testid="quick-keys" role="group" aria-label="Quick keys">
        {data?.keys.map((k) => (
          <ProductTile key={k.id} product={k} testId="quick-key" pinned={k.pinned} disabled={arranging} onAdd={onAdd}>
            {arranging && (
              <div class={styles.arrange}>
                <PinButton product={k} pinned={data.pinned} onChange={save} />
                {k.pinned && (
                  <>
                    <button type="button" class={`secondary ${styles.arrangeButton}`} aria-label={`Move ${k.name} earlier`} disabled={visiblePinned[0] === k.id} onClick={() => save(movePinned(data.pinned, visiblePinned, k.id, -1))}>
                      ←
                    </button>
                    <button type="button" class={`secondary ${styles.arrangeButton}`} aria-label={`Move ${k.name} later`} disabled={visiblePinned.at(-1) === k.id} onClick={() => save(movePinned(data.pinned, visiblePinned, k.id, 1))}>
                      →
                    </button>
                  </>
                )}
              </div>
            )}
          </ProductTile>
        ))}
        {data && data.keys.length === 0 && <p class={styles.empty}>No products on sale in this category yet: add them in the Catalogue.</p>}
      </div>
    </>
  );
}
