/**
 * Staff and approvals in real Chromium, on OPFS, through the real worker: a cashier is refused a restore without
 * a manager's PIN (in the UI, and calling the worker directly with the protocol, as a script in the page could);
 * a manager's PIN lets it through; the owner reads the approvals in the audit log; the PIN lockout survives a reload.
 * A page script that claims another member of staff is refused without this tab's sign-in, and with it is recorded
 * as the person signed in.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForDb } from './helpers';
import { backUpNow, row, rows, showData } from './backup-helpers';
import { addProductNamed, expectProducts, openNewShop } from './shop-data';
import { addStaff, approve, showPage, signIn } from './pos2-staff-helpers';

/**
 * Speaks the protocol to a worker of its own, as a script in the page could, bypassing the UI: the new worker
 * joins as a follower and forwards to the leader, which answers. `signIn: 'this tab'` sends the token of the tab's
 * own sign-in, as a script could read it from the tab's session storage.
 */
async function callWorkerDirectly(
  page: Page,
  appVersion: string,
  name: string,
  args: unknown,
  approval?: { staffId: number; pin: string },
  signIn?: 'this tab',
) {
  const workerUrl = page.workers().map((w) => w.url()).find((url) => url.includes('/assets/'));
  expect(workerUrl, 'the app runs its database worker').toBeTruthy();
  return page.evaluate(
    ([url, version, call, callArgs, approvalGiven, useTab]) =>
      new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve, reject) => {
        const kept = useTab ? (JSON.parse(sessionStorage.getItem('tillite.signed-in') ?? 'null') as { token?: string } | null) : null;
        const token = kept?.token;
        const worker = new Worker(url as string, { type: 'module', name: 'direct-caller' });
        const timer = setTimeout(() => reject(new Error('the worker did not answer')), 30_000);
        worker.onmessage = (event: MessageEvent) => {
          const message = event.data as { type: string; status?: { state: string }; ok?: boolean; error?: { code: string; message: string } };
          if (message.type === 'status' && message.status?.state === 'ready') {
            worker.postMessage({ type: 'request', id: 1, requestId: crypto.randomUUID(), name: call, args: callArgs, ...(approvalGiven ? { approval: approvalGiven } : {}), ...(token ? { signIn: token } : {}) });
          }
          if (message.type === 'response') {
            clearTimeout(timer);
            worker.terminate();
            resolve({ ok: message.ok === true, error: message.error });
          }
        };
        worker.postMessage({ type: 'init', appVersion: version, features: { locks: true } });
      }),
    [workerUrl, appVersion, name, args, approval ?? null, signIn ?? null] as const,
  );
}

test('a cashier is refused a restore without a manager’s PIN, also calling the worker directly; the audit log shows who approved it', async ({ page }) => {
  // Three PBKDF2 hashes, a backup and a restore through the UI: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await openNewShop(page);
  await addProductNamed(page, 'kept 1');
  await showPage(page, 'Staff');
  await addStaff(page, { name: 'Maya Okafor', pin: '4821' });
  await addStaff(page, { name: 'Tom Reyes', pin: '7302', role: 'manager' }, { name: 'Maya Okafor', pin: '4821' });
  await addStaff(page, { name: 'Lena Park', pin: '1593', role: 'cashier' }, { name: 'Tom Reyes', pin: '7302' });
  const ids = await page.getByTestId('staff-list').locator('tbody tr').allTextContents();
  expect(ids).toEqual(['Maya Okaforowner', 'Tom Reyesmanager', 'Lena Parkcashier']);

  await showData(page);
  const backup = await backUpNow(page, 'staff and one product');
  await addProductNamed(page, 'later 1');
  await signIn(page, 'Lena Park', '1593');
  await expect(page.getByTestId('signed-in')).toHaveText('Signed in: Lena Park (cashier)');

  // In the UI: the restore asks for a manager's PIN; Cancel leaves everything as it was.
  await showData(page);
  await row(page, backup).getByTestId('backup-restore').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('approval-message')).toHaveText('A manager’s or the owner’s PIN is needed to restore a backup. Ask them to enter it.');
  await expect(page.getByTestId('approval-staff').locator('option')).toHaveText(['Maya Okafor (owner)', 'Tom Reyes (manager)']);
  await page.getByTestId('approval-cancel').click();
  await expect(page.getByTestId('restore-error')).toHaveText('A manager’s or the owner’s PIN is needed to restore a backup. Ask them to enter it.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Directly: the worker refuses the call without an approval, and with the cashier's own PIN.
  await page.getByRole('link', { name: 'Status' }).click();
  const appVersion = ((await page.getByTestId('app-version').textContent()) ?? '').trim();
  const lena = 3;
  const bare = await callWorkerDirectly(page, appVersion, 'backup.restore', { name: backup });
  expect(bare).toEqual({ ok: false, error: expect.objectContaining({ code: 'approval-required' }) });
  const byCashier = await callWorkerDirectly(page, appVersion, 'backup.restore', { name: backup }, { staffId: lena, pin: '1593' });
  expect(byCashier.error?.message).toContain('Lena Park cannot approve this');
  await expectProducts(page, ['kept 1', 'later 1']);
  await showData(page);
  await expect(rows(page, 'before-restore')).toHaveCount(0);

  // Claiming to be the owner: without this tab's sign-in the worker refuses in words and nothing is opened; with
  // it, the shift is opened as the person signed in here (Lena), whatever id and name the call gives.
  const maya = 1;
  const asOwner = { float: 5000, openedBy: 'Maya Okafor', staffId: maya };
  const unsigned = await callWorkerDirectly(page, appVersion, 'shift.open', asOwner);
  expect(unsigned).toEqual({
    ok: false,
    error: expect.objectContaining({ code: 'signed-out', message: 'No one is signed in at this till. Sign in with your PIN on the Lock page before you open the shift.' }),
  });
  await showPage(page, 'Shift');
  await expect(page.getByTestId('shift-float')).toBeVisible();
  const claimed = await callWorkerDirectly(page, appVersion, 'shift.open', asOwner, undefined, 'this tab');
  expect(claimed).toEqual({ ok: true, error: undefined });
  await page.reload();
  await expect(page.getByTestId('shift-open-since')).toContainText('by Lena Park, float €50.00');
  await showData(page);

  // A wrong manager PIN is asked again; the right one restores.
  await row(page, backup).getByTestId('backup-restore').click();
  await page.getByTestId('restore-confirm').click();
  await approve(page, { name: 'Tom Reyes', pin: '7303' }, /PIN is needed to restore a backup/);
  await expect(page.getByTestId('approval-message')).toHaveText('That PIN is not right for Tom Reyes. Try again.');
  await approve(page, { name: 'Tom Reyes', pin: '7302' }, /not right for Tom Reyes/);
  await expect(page.getByTestId('data-message')).toContainText('Restored');
  await expectProducts(page, ['kept 1']);

  // The owner reads the log with their PIN: the restore, approved by Tom for Lena, and the two staff added.
  await showPage(page, 'Staff');
  await page.getByTestId('audit-open').click();
  await approve(page, { name: 'Maya Okafor', pin: '4821' }, /owner’s PIN is needed to read the audit log/);
  const log = page.getByTestId('audit-log');
  await expect(log.locator('tbody tr').first()).toHaveAttribute('data-action', 'backup.restore');
  await expect(log.locator('tbody tr').first()).toContainText('Tom Reyes (manager)');
  await expect(log.locator('tbody tr').first()).toContainText('Lena Park');
  await expect(log.locator('tr[data-action="staff.add"]')).toHaveCount(2);
  await expect(log.locator('tr[data-action="staff.add"]').last()).toContainText('Maya Okafor (owner)');
});

test('five wrong PINs lock that person out, and a reload does not lift the lock', async ({ page }) => {
  await openNewShop(page);
  await showPage(page, 'Staff');
  await addStaff(page, { name: 'Maya Okafor', pin: '4821' });
  for (let i = 1; i <= 4; i++) {
    await signIn(page, 'Maya Okafor', '1111');
    await expect(page.getByTestId('lock-error')).toHaveText('That PIN is not right for Maya Okafor. Try again.');
  }
  await signIn(page, 'Maya Okafor', '1111');
  await expect(page.getByTestId('lock-error')).toHaveText('Too many wrong PINs. Try again in 30 seconds, or ask a manager.');

  await page.reload();
  await waitForDb(page);
  await page.getByTestId('lock-staff').selectOption({ label: 'Maya Okafor' });
  await page.getByTestId('lock-pin').fill('4821');
  await page.getByTestId('lock-sign-in').click();
  await expect(page.getByTestId('lock-error')).toContainText('Too many wrong PINs. Try again in');
  await expect(page.getByTestId('signed-in')).toHaveText('No one is signed in.');
});
