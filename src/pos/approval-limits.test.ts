import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setLineDiscount } from './cart';
import { saleApprovalNeed } from './approval-limits';

const tea = { id: 1, name: 'Tea', sku: null, barcode: '1', price: 250, taxBp: 2000 };
const prices = (id: number) => (id === 1 ? 250 : undefined);

describe('approval limits', () => {
  it('lets a discount up to the limit through and asks above it, line and order discounts together', () => {
    const cart = addProduct(emptyCart('s'), tea, 4);
    expect(saleApprovalNeed(setLineDiscount(cart, 0, { kind: 'amount', value: 100 }), true, 1000, prices)).toBeNull();
    expect(saleApprovalNeed(setLineDiscount(cart, 0, { kind: 'amount', value: 101 }), true, 1000, prices)).toBe('give a discount above 10 %');
    expect(saleApprovalNeed({ ...setLineDiscount(cart, 0, { kind: 'amount', value: 50 }), orderDiscount: { kind: 'amount', value: 60 } }, true, 1000, prices)).toBe(
      'give a discount above 10 %',
    );
    expect(saleApprovalNeed({ ...cart, orderDiscount: { kind: 'percent', value: 1000 } }, true, 1000, prices)).toBeNull();
    expect(saleApprovalNeed({ ...cart, orderDiscount: { kind: 'percent', value: 1000 } }, true, 0, prices)).toBe('give a discount above 0 %');
  });

  it('asks for a price below the catalogue’s, not for one at or above it', () => {
    expect(saleApprovalNeed(addProduct(emptyCart('s'), { ...tea, price: 200 }), true, 1000, prices)).toBe('sell Tea below its catalogue price');
    expect(saleApprovalNeed(addProduct(emptyCart('s'), { ...tea, price: 300 }), true, 1000, prices)).toBeNull();
    expect(saleApprovalNeed(addProduct(emptyCart('s'), { ...tea, id: 9, price: 1 }), true, 1000, prices)).toBeNull();
  });
});
