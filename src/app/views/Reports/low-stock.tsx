/**
 * The low-stock list: products at or below the stock the owner wants to keep, furthest below first, and a search
 * to set or clear a product's threshold. The list refreshes when a sale, an edit or another tab changes stock.
 */
import { useState } from 'preact/hooks';
import type { Product } from '../../../pos/product';
import { db } from '../../db';
import { useAction } from '../../hooks/use-action';
import { useQuery } from '../../hooks/use-query';
import { locale } from '../../state/shop';

/** Reads a typed threshold: empty clears it; otherwise a whole number of 0 or more. */
function threshold(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,9}$/.test(t)) throw new Error(`“${text}” is not a number of items. Type a whole number such as 5, or leave it empty for none.`);
  return Number(t);
}

export function LowStock() {
  const low = useQuery('stock.low', {}, ['catalog', 'sales']);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Product[]>([]);
  const [values, setValues] = useState<Record<number, string>>({});
  const search = useAction(async () => setFound((await db().send('catalog.search', { query, limit: 8, countAll: false })).products));
  const save = useAction(async (id: number) => {
    await db().send('stock.setThreshold', { productId: id, threshold: threshold(values[id] ?? '') });
    low.reload();
  });
  const count = (n: number) => n.toLocaleString(locale());

  return (
    <section class="card low-stock" data-testid="low-stock">
      <h2>Low stock</h2>
      {low.data && low.data.products.length === 0 && (
        <p class="muted">{low.data.watched === 0 ? 'No product has a low-stock threshold yet. Search for one below to set it.' : 'Nothing is at or below its threshold.'}</p>
      )}
      {low.data && low.data.products.length > 0 && (
        <table>
          <thead>
            <tr><th>Product</th><th>SKU</th><th class="num">In stock</th><th class="num">Keep at least</th></tr>
          </thead>
          <tbody>
            {low.data.products.map((p) => (
              <tr key={p.id} data-testid="low-stock-row">
                <td>{p.name}</td><td>{p.sku ?? ''}</td><td class="num">{count(p.stock)}</td><td class="num">{count(p.threshold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {low.error && <p class="error" role="alert">{low.error.message}</p>}
      <form class="no-print low-stock-search" onSubmit={(e) => (e.preventDefault(), void search.run())}>
        <label>
          Set a threshold for <input type="search" placeholder="Name, SKU or barcode" data-testid="low-stock-query" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary" data-testid="low-stock-find">Find</button>
      </form>
      {found.map((p) => (
        <form key={p.id} class="no-print low-stock-set" data-testid="low-stock-product" onSubmit={(e) => (e.preventDefault(), void save.run(p.id))}>
          <span>{p.name} <small>({count(p.stock)} in stock)</small></span>
          <input inputMode="numeric" aria-label={`Keep at least, ${p.name}`} placeholder="none" data-testid="low-stock-threshold"
            value={values[p.id] ?? ''} onInput={(e) => setValues({ ...values, [p.id]: e.currentTarget.value })} />
          <button type="submit" class="secondary" data-testid="low-stock-save" disabled={save.busy}>Save</button>
        </form>
      ))}
      {(search.error || save.error) && <p class="error" role="alert">{search.error ?? save.error}</p>}
    </section>
  );
}
