/** Steps of the staff specs as a person does them: the Staff page's form, the approval dialog, the Lock page. */
import { expect, type Page } from '@playwright/test';
import { addProduct } from './pos';
import { openNewShop } from './shop-data';

/** The owner, the manager and the cashier these specs work with, with their PINs. */
export const MAYA = { name: 'Maya Okafor', pin: '4821' };
export const TOM = { name: 'Tom Reyes', pin: '7302' };
export const LENA = { name: 'Lena Park', pin: '1593' };

/** Goes to one of the app's pages through the navigation. */
export async function showPage(page: Page, name: 'Staff' | 'Lock' | 'Shift' | 'Register'): Promise<void> {
  await page.getByRole('link', { name, exact: true }).click();
}

/** Fills the Staff page's form; answers the approval dialog with `approver`'s PIN when it asks. */
export async function addStaff(page: Page, who: { name: string; pin: string; role?: 'manager' | 'cashier' }, approver?: { name: string; pin: string }) {
  const form = page.getByTestId(who.role ? 'staff-form' : 'owner-form');
  await form.getByTestId('staff-name').fill(who.name);
  if (who.role) await form.getByTestId('staff-role').selectOption(who.role);
  await form.getByTestId('staff-pin').fill(who.pin);
  await form.getByTestId('staff-save').click();
  if (approver) await approve(page, approver, /PIN is needed to add a member of staff/);
  await expect(page.getByTestId('staff-list')).toContainText(who.name);
}

/** Answers the approval dialog (which must be asking, in words matching `asks`). */
export async function approve(page: Page, approver: { name: string; pin: string }, asks: RegExp) {
  const dialog = page.getByTestId('approval-dialog');
  await expect(dialog.getByTestId('approval-message')).toHaveText(asks);
  const option = dialog.getByTestId('approval-staff').locator('option', { hasText: approver.name });
  await dialog.getByTestId('approval-staff').selectOption({ label: ((await option.textContent()) ?? '').trim() });
  await dialog.getByTestId('approval-pin').fill(approver.pin);
  await dialog.getByTestId('approval-ok').click();
}

/** Signs `name` in with `pin` on the Lock page. */
export async function signIn(page: Page, name: string, pin: string) {
  await showPage(page, 'Lock');
  await page.getByTestId('lock-staff').selectOption({ label: name });
  await page.getByTestId('lock-pin').fill(pin);
  await page.getByTestId('lock-sign-in').click();
}


/**
 * A new shop selling `products`, with an owner (Maya), a manager (Tom) and a cashier (Lena), Lena signed in and a
 * shift open with a float of €100.00.
 */
export async function staffAndShift(page: Page, products: Parameters<typeof addProduct>[1][]): Promise<void> {
  await openNewShop(page);
  for (const product of products) await addProduct(page, product);
  await showPage(page, 'Staff');
  await addStaff(page, MAYA);
  await addStaff(page, { ...TOM, role: 'manager' }, MAYA);
  await addStaff(page, { ...LENA, role: 'cashier' }, TOM);
  await signIn(page, LENA.name, LENA.pin);
  await expect(page.getByTestId('header-signed-in')).toHaveText(LENA.name);
  await showPage(page, 'Shift');
  await page.getByTestId('shift-float').fill('100.00');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-open-since')).toContainText('float €100.00');
}
