/** The product form: add or edit one product (name, codes, price, tax, stock, category, active). */
import { useState } from 'preact/hooks';
import type { Category, Product, ProductInput } from '../../../pos/product';
import { parseDecimal, parsePercent, toDecimal } from '../../../pos/currency';
import { useAction } from '../../hooks/use-action';
import { db } from '../../db';
import { digits, shop } from '../../state/shop';

/** Edits `product` (or a new one when null); `onClose` after saving or cancelling. */
export function ProductForm({ product, categories, onClose }: { product: Product | null; categories: Category[]; onClose(): void }) {
  const [form, setForm] = useState({
    name: product?.name ?? '',
    sku: product?.sku ?? '',
    barcode: product?.barcode ?? '',
    price: product ? toDecimal(product.price, digits()) : '',
    tax: String((product?.taxBp ?? shop.value?.defaultTaxBp ?? 0) / 100),
    stock: String(product?.stock ?? 0),
    categoryId: product?.categoryId === null || product?.categoryId === undefined ? '' : String(product.categoryId),
    active: product?.active ?? true,
  });
  const { run: send, error, setError } = useAction(async (input: ProductInput) => {
    await db().send('catalog.save', input);
    onClose();
  });
  const field = (key: 'name' | 'sku' | 'barcode' | 'price' | 'tax' | 'stock') => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const save = async (event: Event) => {
    event.preventDefault();
    const price = parseDecimal(form.price, digits());
    const taxBp = parsePercent(form.tax.replace('%', ''), 1000);
    if (price === null) return setError(`The price must be an amount such as 2.50 (at most ${digits()} decimals).`);
    if (taxBp === null) return setError('The tax rate must be a percentage such as 20 or 5.5.');
    if (!/^-?\d+$/.test(form.stock.trim())) return setError('The stock must be a whole number.');
    const input: ProductInput = {
      name: form.name,
      sku: form.sku || null,
      barcode: form.barcode || null,
      price,
      taxBp,
      stock: Number(form.stock),
      active: form.active,
      categoryId: form.categoryId ? Number(form.categoryId) : null,
    };
    if (product) input.id = product.id;
    await send(input);
  };

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label={product ? `Edit ${product.name}` : 'New product'} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form class="dialog product-form" onSubmit={(e) => void save(e)}>
        <h2>{product ? 'Edit product' : 'New product'}</h2>
        <label class="wide">
          Name <input required maxLength={200} autoFocus data-testid="product-name" {...field('name')} />
        </label>
        <label>
          SKU <input maxLength={64} data-testid="product-sku" {...field('sku')} />
        </label>
        <label>
          Barcode <input maxLength={64} data-testid="product-barcode" {...field('barcode')} />
        </label>
        <label>
          Price ({shop.value?.pricesIncludeTax ? 'incl.' : 'excl.'} tax) <input inputMode="decimal" required data-testid="product-price" {...field('price')} />
        </label>
        <label>
          Tax rate (%) <input inputMode="decimal" data-testid="product-tax" {...field('tax')} />
        </label>
        <label>
          {product ? 'Stock (change to correct a count)' : 'Stock'} <input inputMode="numeric" data-testid="product-stock" {...field('stock')} />
        </label>
        <label>
          Category
          <select data-testid="product-category" value={form.categoryId} onChange={(e) => setForm({ ...form, categoryId: e.currentTarget.value })}>
            <option value="">(none)</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.path}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={form.active} data-testid="product-active" onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} /> For sale
          (active)
        </label>
        {error && (
          <p class="error wide" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions wide">
          <button type="button" class="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" data-testid="product-save">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
