/** Offers the waiting new version. Disabled while a sale is in progress, so an update never interrupts one. */
import { saleInProgress, updateWaiting } from '../../state/app-state';
import { applyUpdate } from '../../../sw/register';

export function UpdateBanner() {
  if (!updateWaiting.value) return null;
  const busy = saleInProgress.value;
  return (
    <div class="banner" role="status" data-testid="update-banner">
      <span>A new version of Tillite is ready.</span>
      <button type="button" onClick={applyUpdate} disabled={busy} title={busy ? 'Finish the sale first' : undefined}>
        {busy ? 'Update after this sale' : 'Update now'}
      </button>
    </div>
  );
}
