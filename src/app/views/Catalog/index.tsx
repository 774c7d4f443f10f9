/**
 * The catalogue: find products as you type (name, SKU or barcode), add and edit them, take them off sale,
 * organise categories, and move the catalogue in and out as CSV.
 */
import { useState } from 'preact/hooks';
import type { Product } from '../../../pos/product';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { useQuery } from '../../hooks/use-query';
import { money, percent } from '../../state/shop';
import { CsvPanel } from './csv-panel';
import { ProductForm } from './product-form';
import styles from './catalog.module.css';

function CategoryForm({ categories }: { categories: { id: number; path: string }[] }) {
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const { run: save, error } = useAction(async () => {
    await db().send('catalog.saveCategory', { name, parentId: parent ? Number(parent) : null });
    setName('');
  });
  const add = async (event: Event) => {
    event.preventDefault();
    await save();
  };
  return (
    <form class="card" onSubmit={(e) => void add(e)}>
      <h2>Categories</h2>
      <ul class={styles.categories} data-testid="categories" tabIndex={0} aria-label="Categories">
        {categories.map((c) => (
          <li key={c.id}>{c.path}</li>
        ))}
      </ul>
      <div class="row">
        <input placeholder="New category" aria-label="New category name" data-testid="category-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <select aria-label="Inside" value={parent} onChange={(e) => setParent(e.currentTarget.value)}>
          <option value="">(top level)</option>
          {categories.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.path}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary" data-testid="category-add" disabled={!name.trim()}>
          Add
        </button>
      </div>
      {error && <p class="error">{error}</p>}
    </form>
  );
}

export function CatalogView() {
  const [query, setQuery] = useState('');
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const { run: toggle, error } = useAction((p: Product) => db().send('catalog.setActive', { id: p.id, active: !p.active }));
  const list = useQuery('catalog.search', { query, limit: 100, includeInactive: inactive }, ['catalog']);
  const categories = useQuery('catalog.categories', {}, ['catalog']);
  const pathOf = (id: number | null) => categories.data?.find((c) => c.id === id)?.path ?? '';

  return (
    <section class={styles.catalog}>
      <div>
        <div class={styles.bar}>
          <h1>Catalogue</h1>
          <input
            type="search"
            class={styles.grow}
            placeholder="Search by name, SKU or barcode"
            aria-label="Search the catalogue"
            data-testid="catalog-search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <label class={styles.check}>
            <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.currentTarget.checked)} /> Show inactive
          </label>
          <button type="button" data-testid="product-new" onClick={() => setEditing('new')}>
            New product
          </button>
        </div>
        {error && <p class="error">{error}</p>}
        <p class={styles.hint} data-testid="catalog-count">
          {list.data ? `${list.data.total}${list.data.total >= 1000 && query ? '+' : ''} products` : '…'}
        </p>
        <div class={styles.tableWrap} tabIndex={0} role="region" aria-label="Products">
        <table class={styles.products}>
          <thead>
            <tr>
              <th>Name</th>
              <th>SKU</th>
              <th>Barcode</th>
              <th>Category</th>
              <th class={styles.num}>Price</th>
              <th class={styles.num}>Tax</th>
              <th class={styles.num}>Stock</th>
              <th>
                <span class="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data?.products.map((p) => (
              <tr key={p.id} class={p.active ? '' : styles.inactive} data-testid="product-row">
                <td>
                  <button type="button" class={styles.link} onClick={() => setEditing(p)}>
                    {p.name}
                  </button>
                </td>
                <td>{p.sku}</td>
                <td>{p.barcode}</td>
                <td>{pathOf(p.categoryId)}</td>
                <td class={styles.num}>{money(p.price)}</td>
                <td class={styles.num}>{percent(p.taxBp)}</td>
                <td class={styles.num} data-testid="product-stock-cell">
                  {p.stock}
                </td>
                <td>
                  <button type="button" class={`secondary ${styles.small}`} onClick={() => void toggle(p)}>
                    {p.active ? 'Deactivate' : 'Activate'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
      <aside class={styles.side}>
        <CategoryForm categories={categories.data ?? []} />
        <CsvPanel />
      </aside>
      {editing && <ProductForm product={editing === 'new' ? null : editing} categories={categories.data ?? []} onClose={() => setEditing(null)} />}
    </section>
  );
}
