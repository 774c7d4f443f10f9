/**
 * The register's cart: a signal the register renders, saved to the database after every change so that a
 * reload or a crashed tab finds it again. Saves are sent one after another, in order; the last one wins. Each
 * tab is its own register (see `register.ts`); a cart a closed tab left behind is offered back, never lost.
 */
import { computed, signal } from '@preact/signals';
import { v7 as uuidv7 } from 'uuid';
import type { LeftCart } from '../../db/protocol/cart';
import type { SaleDetail } from '../../pos/sale';
import { DbError } from '../../db/client';
import { errorText } from '../hooks/use-action';
import { emptyCart, type Cart } from '../../pos/cart';
import { priceCart } from '../../pos/pricing';
import { settle } from '../../pos/payments';
import { db } from '../db';
import { saleInProgress } from './app-state';
import { registerId, registerReady, registersInUse } from './register';
import { cashRoundingStep, shop } from './shop';

export { registerId } from './register';

/** The cart, or null until it has been loaded from the database. */
export const cart = signal<Cart | null>(null);

/** Whether the last change is safely in the database. */
export const cartSaveState = signal<'saved' | 'saving' | 'failed'>('saved');

/** Why the last save failed, in words for the cashier (null when it did not). */
export const cartSaveError = signal<string | null>(null);

/** Carts that closed tabs left with items in them, offered to this register when its own cart is empty. */
export const leftCarts = signal<LeftCart[]>([]);

/** The cart priced with the shop's settings. */
export const totals = computed(() => priceCart(cart.value?.lines ?? [], cart.value?.orderDiscount, shop.value?.pricesIncludeTax ?? true));

/** The cart's payments against its total. */
export const settlement = computed(() => settle(totals.value.total, cart.value?.tenders ?? [], cashRoundingStep()));

/** A refusal because the cart's sale id already belongs to a recorded sale. */
const saleIdUsed = (error: unknown): boolean => error instanceof DbError && error.detail?.reason === 'sale-id-used';

let saving: Promise<unknown> = Promise.resolve();
let pendingSaves = 0;

/** Gives the cart a fresh sale id (its items stay): the old id belongs to a sale already recorded. */
function startNewSale(): void {
  if (!cart.value) return;
  cart.value = { ...cart.value, saleId: uuidv7() };
}

function persist(next: Cart): void {
  pendingSaves++;
  cartSaveState.value = 'saving';
  saving = saving
    .then(() => db().send('cart.save', { registerId: registerId(), cart: next }))
    .then(
      () => {
        if (--pendingSaves === 0) {
          cartSaveState.value = 'saved';
          cartSaveError.value = null;
        }
      },
      (error: unknown) => {
        pendingSaves--;
        cartSaveState.value = 'failed';
        cartSaveError.value = errorText(error);
        if (saleIdUsed(error) && cart.value?.saleId === next.saleId) {
          startNewSale();
          persist(cart.value);
        }
      },
    );
}

let loading: Promise<void> | null = null;

/**
 * Loads the cart this register left (or starts an empty one), and finds carts that closed tabs left behind.
 * Called again while loading, it returns the same load, so a scan in the first moments after the page opens
 * waits for the cart instead of being dropped.
 */
export function loadCart(): Promise<void> {
  if (cart.value) return Promise.resolve();
  loading ??= (async () => {
    const id = await registerReady;
    const saved = await db().send('cart.get', { registerId: id });
    // Carts closed tabs left are looked for before the cart shows, so the register opens with its offer in place
    // (not a moment later, under a cashier already scanning). A failed look does not keep the cart from loading.
    await findLeftCarts().catch(() => undefined);
    cart.value ??= saved ?? emptyCart(uuidv7());
    saleInProgress.value = cart.value.lines.length > 0;
  })().finally(() => {
    loading = null;
  });
  return loading;
}

/** Looks for carts that no open tab holds (their tab was closed or crashed). */
export async function findLeftCarts(): Promise<void> {
  const exclude = [registerId(), ...(await registersInUse())];
  leftCarts.value = await db().send('cart.left', { exclude });
}

/** Takes over a cart a closed tab left: it becomes this register's cart, and no other register's. */
export async function resumeLeftCart(from: string): Promise<void> {
  await saving;
  const taken = await db().send('cart.takeOver', { from, to: registerId() });
  if (taken) {
    cart.value = taken;
    saleInProgress.value = taken.lines.length > 0;
  }
  await findLeftCarts();
}

/** Throws away a cart a closed tab left. */
export async function discardLeftCart(from: string): Promise<void> {
  await db().send('cart.discard', { registerId: from });
  await findLeftCarts();
}

/** Changes the cart and saves it. */
export function updateCart(change: (current: Cart) => Cart): void {
  if (!cart.value) return;
  const next = change(cart.value);
  cart.value = next;
  saleInProgress.value = next.lines.length > 0;
  persist(next);
}

/**
 * Records the cart as a sale (one transaction in the worker) and starts a new, empty cart. A refusal because
 * another sale was recorded under this cart's id gives the cart a fresh id, so completing again records it.
 */
export async function completeSale(): Promise<SaleDetail> {
  await saving;
  const current = cart.value;
  if (!current) throw new Error('The cart is not loaded yet');
  let sale: SaleDetail;
  try {
    // Who rang it up is who is signed in at this tab: the worker knows it from the tab's sign-in, not from the call.
    sale = await db().send('sales.commit', { registerId: registerId(), cart: current, expectedTotal: totals.value.total });
  } catch (error) {
    if (saleIdUsed(error) && cart.value === current) startNewSale();
    throw error;
  }
  cart.value = emptyCart(uuidv7());
  saleInProgress.value = false;
  // A tab closed or crashed since this one opened may have left a cart: it is offered once this cart is empty.
  void findLeftCarts().catch(() => undefined);
  return sale;
}
