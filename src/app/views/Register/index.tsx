/**
 * The register: search or scan on the left, the cart on the right, then payment and the receipt. Built for a
 * cashier with a queue: a scan works anywhere (even with a quantity or discount field focused), F2 searches,
 * F8 pays and completes, Enter takes the exact amount in cash, and every dialog hands the focus back to the
 * search field when it closes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Product } from '../../../pos/product';
import type { SaleDetail } from '../../../pos/sale';
import { addProduct } from '../../../pos/cart';
import { errorText } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { withStock } from '../../../db/protocol/changes';
import { useScanner } from '../../hooks/use-scanner';
import { cart, loadCart, updateCart } from '../../state/cart';
import { money } from '../../state/shop';
import { CartPanel } from './cart-panel';
import { PaymentPanel } from './payment-panel';
import { LeftCartOffer } from './left-cart-offer';
import { ReceiptDialog } from './receipt-dialog';
import { ProductTile } from './product-tile';
import { KeyTabs, PinButton, QuickKeys, useQuickKeys } from './quick-keys';
import styles from './register.module.css';

type Message = { kind: 'error' | 'info'; text: string };

type SearchResult = { products: Product[]; total: number };
/** The register's list with the new stock of the products a sale changed (the same object when none is shown). */
const withListStock = (data: SearchResult, stock: Record<number, number>): SearchResult => {
  const products = withStock(data.products, stock);
  return products === data.products ? data : { ...data, products };
};

export function RegisterView() {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [paying, setPaying] = useState(false);
  const [payNotice, setPayNotice] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<SaleDetail | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Scans still being looked up. Pay waits for them, so a quick "scan, scan, F8" pays for every item scanned
  // rather than for the ones whose lookup happened to come back first.
  const lookups = useRef(new Set<Promise<void>>());
  const track = (lookup: Promise<void>): Promise<void> => {
    lookups.current.add(lookup);
    void lookup.finally(() => lookups.current.delete(lookup));
    return lookup;
  };
  // What the picker shows without a search: the quick keys or every product. Until the cashier chooses, the quick
  // keys once the owner has pinned any (a shop that never arranged them keeps the catalogue it knows).
  const [view, setView] = useState<'keys' | 'all' | null>(null);
  const [keyTab, setKeyTab] = useState<number | null>(null);
  const [arranging, setArranging] = useState(false);
  const keys = useQuickKeys(keyTab);
  const shown = query.trim() ? 'all' : (view ?? (keys && keys.pinned.length > 0 ? 'keys' : 'all'));
  const savePinned = (next: number[]) =>
    db().send('quickKeys.set', { productIds: next }).catch((e: unknown) => setMessage({ kind: 'error', text: `The quick keys were not changed: ${errorText(e)}` }));
  // No count of the whole catalogue, which the register never shows. A sale patches the stock of the rows shown
  // from its announcement rather than reading the list again in front of the next sale.
  const results = useQuery('catalog.search', { query, limit: 24, countAll: false }, ['catalog'], { patchStock: withListStock });

  useEffect(() => {
    if (!cart.value) loadCart().catch((e: unknown) => setMessage({ kind: 'error', text: `The cart could not be loaded: ${errorText(e)}` }));
  }, []);

  // Whenever no dialog is open (on arrival, and after every payment or receipt closes), the scan field has the focus.
  useLayoutEffect(() => {
    if (!paying && !receipt) searchRef.current?.focus();
  }, [paying, receipt]);

  const add = useCallback(async (product: Product) => {
    if (!product.active) return setMessage({ kind: 'error', text: `${product.name} is not for sale (inactive). Nothing was added.` });
    // A scan in the first moments after opening: the cart may still be on its way from the database.
    if (!cart.value) await loadCart();
    updateCart((c) => addProduct(c, product));
    setMessage({ kind: 'info', text: `Added ${product.name} · ${money(product.price)}` });
  }, []);

  /**
   * A scanned or typed code: adds the product with that barcode or SKU, or says it is unknown. With `byName`,
   * a name that matches exactly one product adds it too. The cart is never lost.
   */
  const addByCode = useCallback(
    async (code: string, byName = false): Promise<void> => {
      try {
        const product = await db().send('catalog.byCode', { code });
        if (product) return add(product);
        if (byName) {
          const { products } = await db().send('catalog.search', { query: code, limit: 2 });
          if (products.length === 1) return add(products[0]!);
          if (products.length > 1) {
            setQuery(code);
            return setMessage({ kind: 'info', text: `Several products match “${code}”: tap the one to add.` });
          }
        }
        setMessage({ kind: 'error', text: `Unknown barcode “${code}”: nothing was added.` });
      } catch (e) {
        setMessage({ kind: 'error', text: errorText(e) });
      }
    },
    [add],
  );

  const tapAdd = (p: Product) => void add(p).catch((e: unknown) => setMessage({ kind: 'error', text: `${p.name} was not added: ${String(e)}` }));

  const newSale = () => {
    setReceipt(null);
    setMessage(null);
  };

  // A scan during the payment is not added (the total is being paid); a scan on the receipt starts the next sale.
  useScanner((code) => {
    if (paying) return setPayNotice(`“${code}” was not added: finish the payment first, or press Esc to go back to the sale.`);
    if (receipt) newSale();
    void track(addByCode(code));
  });

  const onSearchKey = async (e: KeyboardEvent) => {
    if (e.key === 'Escape') setQuery('');
    if (e.key !== 'Enter') return;
    e.preventDefault();
    // Read the field itself: typing and Enter can be faster than the state updates.
    const code = (e.currentTarget as HTMLInputElement).value.trim();
    if (!code) return;
    setQuery('');
    await track(addByCode(code, true));
  };

  const openPayment = async () => {
    await Promise.all([...lookups.current]);
    if ((cart.value?.lines.length ?? 0) === 0) return;
    setPayNotice(null);
    setPaying(true);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (paying || receipt) return;
      if (e.key === 'F2') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'F8' && ((cart.value?.lines.length ?? 0) > 0 || lookups.current.size > 0)) {
        e.preventDefault();
        void openPayment();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paying, receipt]);

  return (
    <section class={styles.register}>
      <h1 class="sr-only">Register</h1>
      <div class={styles.picker}>
        <input
          ref={searchRef}
          type="search"
          class={styles.search}
          placeholder="Scan a barcode, or search by name or SKU (F2)"
          aria-label="Scan or search products"
          data-testid="register-search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => void onSearchKey(e)}
        />
        <p class={`${styles.message} ${message ? styles[message.kind] : ''}`} role={message?.kind === 'error' ? 'alert' : 'status'} data-testid="register-message">
          {message?.text ?? '\u00a0'}
        </p>
        <LeftCartOffer />
        <div class={styles.pickerBar}>
          <div class={styles.pickerTabs} role="group" aria-label="Show">
            <button type="button" class="secondary" data-testid="show-quick-keys" aria-pressed={shown === 'keys'} onClick={() => { setQuery(''); setView('keys'); }}>
              Quick keys
            </button>
            <button type="button" class="secondary" data-testid="show-all-products" aria-pressed={shown === 'all'} onClick={() => setView('all')}>
              All products
            </button>
            <button type="button" class="secondary" data-testid="quick-arrange" aria-pressed={arranging} onClick={() => setArranging(!arranging)}>
              {arranging ? 'Done arranging' : 'Arrange keys'}
            </button>
          </div>
          {shown === 'keys' && <KeyTabs data={keys} tab={keyTab} onTab={setKeyTab} />}
        </div>
        {shown === 'keys' ? (
          <QuickKeys data={keys} arranging={arranging} onAdd={tapAdd} onError={(text) => setMessage({ kind: 'error', text })} />
        ) : (
          <div class={styles.tiles} data-testid="product-results" role="group" aria-label="Products">
            {results.data?.products.map((p) => (
              <ProductTile key={p.id} product={p} testId="product-tile" onAdd={tapAdd}>
                {arranging && keys && <PinButton product={p} pinned={keys.pinned} onChange={savePinned} />}
              </ProductTile>
            ))}
            {results.data && results.data.products.length === 0 && <p class={styles.empty}>No product matches “{query}”.</p>}
          </div>
        )}
      </div>
      <CartPanel onPay={() => void openPayment()} />
      {paying && (
        <PaymentPanel
          notice={payNotice}
          onCancel={() => setPaying(false)}
          onDone={(sale) => {
            setPaying(false);
            setReceipt(sale);
          }}
        />
      )}
      {receipt && <ReceiptDialog sale={receipt} onClose={newSale} />}
    </section>
  );
}
