/**
 * The register: search or scan on the left, the cart on the right, then payment and the receipt. Built for a
 * cashier with a queue: the search field keeps the focus, a scan works anywhere, F2 searches, F8 pays.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Product } from '../../../pos/product';
import type { SaleDetail } from '../../../pos/sale';
import { addProduct } from '../../../pos/cart';
import { formatPercent } from '../../../pos/currency';
import { errorText } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { useScanner } from '../../hooks/use-scanner';
import { cart, loadCart, updateCart } from '../../state/cart';
import { money } from '../../state/shop';
import { printReceipt, Receipt } from '../../components/Receipt';
import { CartPanel } from './cart-panel';
import { PaymentPanel } from './payment-panel';
import { LeftCartOffer } from './left-cart-offer';
import './style.css';

type Message = { kind: 'error' | 'info'; text: string };

export function RegisterView() {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<SaleDetail | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Refreshed after every sale (stock changes): no count of the whole catalogue, which the register never shows.
  const results = useQuery('catalog.search', { query, limit: 24, countAll: false }, ['catalog']);

  useEffect(() => {
    if (!cart.value) loadCart().catch((e: unknown) => setMessage({ kind: 'error', text: `The cart could not be loaded: ${errorText(e)}` }));
    searchRef.current?.focus();
  }, []);

  const add = useCallback((product: Product) => {
    if (!product.active) return setMessage({ kind: 'error', text: `${product.name} is not for sale (inactive). Nothing was added.` });
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

  useScanner((code) => void addByCode(code), !paying && !receipt);

  const onSearchKey = async (e: KeyboardEvent) => {
    if (e.key === 'Escape') setQuery('');
    if (e.key !== 'Enter') return;
    e.preventDefault();
    // Read the field itself: a scanner types faster than the state updates.
    const code = (e.currentTarget as HTMLInputElement).value.trim();
    if (!code) return;
    setQuery('');
    await addByCode(code, true);
  };

  const newSale = () => {
    setReceipt(null);
    setMessage(null);
    searchRef.current?.focus();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'F8' && !paying && !receipt && (cart.value?.lines.length ?? 0) > 0) {
        e.preventDefault();
        setPaying(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paying, receipt]);

  return (
    <section class="register">
      <div class="picker">
        <input
          ref={searchRef}
          type="search"
          class="search"
          placeholder="Scan a barcode, or search by name or SKU (F2)"
          aria-label="Scan or search products"
          data-testid="register-search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => void onSearchKey(e)}
        />
        <p class={`message ${message?.kind ?? ''}`} role={message?.kind === 'error' ? 'alert' : 'status'} data-testid="register-message">
          {message?.text ?? '\u00a0'}
        </p>
        <LeftCartOffer />
        <div class="tiles" data-testid="product-results">
          {results.data?.products.map((p) => (
            <button key={p.id} type="button" class="tile" data-testid="product-tile" disabled={!p.active} onClick={() => add(p)}>
              <span class="tile-name">{p.name}</span>
              <span class="tile-price">{money(p.price)}</span>
              <small>
                {p.stock} in stock · {formatPercent(p.taxBp)}
              </small>
            </button>
          ))}
          {results.data && results.data.products.length === 0 && <p class="empty">No product matches “{query}”.</p>}
        </div>
      </div>
      <CartPanel onPay={() => setPaying(true)} />
      {paying && (
        <PaymentPanel
          onCancel={() => {
            setPaying(false);
            searchRef.current?.focus();
          }}
          onDone={(sale) => {
            setPaying(false);
            setReceipt(sale);
          }}
        />
      )}
      {receipt && (
        <div class="overlay" role="dialog" aria-modal="true" aria-label="Sale complete" onKeyDown={(e) => e.key === 'Escape' && newSale()}>
          <div class="dialog done">
            <h2>Sale complete</h2>
            {receipt.changeDue > 0 && (
              <p class="change">
                Change due <strong data-testid="change-due">{money(receipt.changeDue)}</strong>
              </p>
            )}
            <Receipt sale={receipt} />
            <div class="dialog-actions">
              <button type="button" class="secondary" onClick={() => printReceipt(receipt, '80mm')}>
                Print 80 mm
              </button>
              <button type="button" class="secondary" onClick={() => printReceipt(receipt, 'a4')}>
                Print A4
              </button>
              <button type="button" data-testid="new-sale" autoFocus onClick={newSale}>
                New sale
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
