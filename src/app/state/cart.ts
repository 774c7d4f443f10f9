/**
 * The register's cart: a signal the register renders, saved to the database after every change so that a
 * reload or a crashed tab finds it again. Saves are sent one after another, in order; the last one wins.
 */
import { computed, signal } from '@preact/signals';
import { v7 as uuidv7 } from 'uuid';
import type { SaleDetail } from '../../pos/sale';
import { emptyCart, type Cart } from '../../pos/cart';
import { priceCart } from '../../pos/pricing';
import { settle } from '../../pos/payments';
import { db } from '../db';
import { saleInProgress } from './app-state';
import { shop } from './shop';

/** This device's register: one cart per browser profile, shared by its tabs. */
export const registerId: string = (() => {
  const key = 'tillite-register-id';
  try {
    const existing = localStorage.getItem(key);
    if (existing) return existing;
    const id = uuidv7();
    localStorage.setItem(key, id);
    return id;
  } catch {
    // Site storage blocked: the database cannot open either, and the app says so; this id is never used.
    return uuidv7();
  }
})();

/** The cart, or null until it has been loaded from the database. */
export const cart = signal<Cart | null>(null);

/** Whether the last change is safely in the database. */
export const cartSaveState = signal<'saved' | 'saving' | 'failed'>('saved');

/** The cart priced with the shop's settings. */
export const totals = computed(() => priceCart(cart.value?.lines ?? [], cart.value?.orderDiscount, shop.value?.pricesIncludeTax ?? true));

/** The cart's payments against its total. */
export const settlement = computed(() => settle(totals.value.total, cart.value?.tenders ?? []));

let saving: Promise<unknown> = Promise.resolve();
let pendingSaves = 0;

function persist(next: Cart): void {
  pendingSaves++;
  cartSaveState.value = 'saving';
  saving = saving
    .then(() => db().send('cart.save', { registerId, cart: next }))
    .then(
      () => {
        if (--pendingSaves === 0) cartSaveState.value = 'saved';
      },
      () => {
        pendingSaves--;
        cartSaveState.value = 'failed';
      },
    );
}

let loading: Promise<void> | null = null;

/**
 * Loads the cart this register left (or starts an empty one). Called again while loading, it returns the same
 * load, so a scan in the first moments after the page opens waits for the cart instead of being dropped.
 */
export function loadCart(): Promise<void> {
  if (cart.value) return Promise.resolve();
  loading ??= db()
    .send('cart.get', { registerId })
    .then((saved) => {
      cart.value ??= saved ?? emptyCart(uuidv7());
      saleInProgress.value = cart.value.lines.length > 0;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** Changes the cart and saves it. */
export function updateCart(change: (current: Cart) => Cart): void {
  if (!cart.value) return;
  const next = change(cart.value);
  cart.value = next;
  saleInProgress.value = next.lines.length > 0;
  persist(next);
}

/** Records the cart as a sale (one transaction in the worker) and starts a new, empty cart. */
export async function completeSale(): Promise<SaleDetail> {
  await saving;
  const current = cart.value;
  if (!current) throw new Error('The cart is not loaded yet');
  const sale = await db().send('sales.commit', { registerId, cart: current, expectedTotal: totals.value.total });
  cart.value = emptyCart(uuidv7());
  saleInProgress.value = false;
  return sale;
}
