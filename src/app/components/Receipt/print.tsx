/**
 * Printing a sale: on an 80 mm roll the receipt, on a page exactly as long as the receipt (a roll printer feeds
 * no more paper than the receipt needs); on A4 the invoice layout. Ctrl+P anywhere else prints the page itself.
 *
 * The print area is laid out off-screen at the paper's width, so its height can be measured before the print
 * dialog opens; the page size goes into the app's stylesheet through the CSSOM (the app's Content-Security-Policy
 * forbids inline <style> elements, not changes made through the CSSOM).
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { SaleDetail } from '../../../pos/sale';
import { Invoice } from './invoice';
import { Receipt } from './receipt';

/** Paper sizes a sale prints on. */
export type Paper = '80mm' | 'a4';

/** The roll's margin on each side, in millimetres, and a little extra so the last line is never cut. */
const ROLL_MARGIN_MM = 3;
const ROLL_SLACK_MM = 4;

/** What is being printed right now (null: Ctrl+P prints the page on screen). */
const printing = signal<{ content: ComponentChildren; paper: Paper } | null>(null);

/** True between printReceipt's own call to window.print() and the browser's beforeprint for it. */
let requested = false;
let pageRule: CSSRule | null = null;

/**
 * The @page rule for the coming print (empty: the browser's default page, for printing a view). Chromium does
 * not print with @page rules of constructed (adopted) stylesheets, so the rule goes into the app's own
 * stylesheet through the CSSOM.
 */
function setPageRule(css: string): void {
  const sheet = pageRule?.parentStyleSheet ?? [...document.styleSheets].find((s) => !s.disabled && s.href?.startsWith(location.origin)) ?? document.styleSheets[0];
  if (!sheet) return;
  if (pageRule) {
    const index = [...sheet.cssRules].indexOf(pageRule);
    if (index >= 0) sheet.deleteRule(index);
    pageRule = null;
  }
  if (css) pageRule = sheet.cssRules[sheet.insertRule(css, sheet.cssRules.length)] ?? null;
}

/** The page rule for a roll: 80 mm wide and as long as the receipt laid out in `area`. */
function rollPageRule(heightPx: number): string {
  const lengthMm = Math.ceil((heightPx * 25.4) / 96) + 2 * ROLL_MARGIN_MM + ROLL_SLACK_MM;
  return `@page { size: 80mm ${lengthMm}mm; margin: ${ROLL_MARGIN_MM}mm; }`;
}

/** Prints `sale` on `paper`: the receipt on the roll, the invoice on A4. */
export function printReceipt(sale: SaleDetail, paper: Paper): void {
  printOnPaper(paper === '80mm' ? <Receipt sale={sale} /> : <Invoice sale={sale} />, paper);
}

/**
 * Prints `content` (a receipt, a Z report) on `paper`: renders it into the print area, sizes the page (a roll as
 * long as the content), then opens the print dialog.
 */
export function printOnPaper(content: ComponentChildren, paper: Paper): void {
  printing.value = { content, paper };
  // Let Preact render the print area before measuring it and before the browser lays out the printed page.
  requestAnimationFrame(() => {
    const area = document.querySelector<HTMLElement>('[data-testid="print-area"]');
    setPageRule(paper === '80mm' && area ? rollPageRule(area.getBoundingClientRect().height) : '@page { size: A4; margin: 15mm; }');
    document.documentElement.classList.add('printing-sale');
    requested = true;
    window.print();
  });
}

/** True from the browser's beforeprint to its afterprint: the print dialog is open. */
let dialogOpen = false;

// Ctrl+P (or the browser's menu) after a receipt was printed: print the page on screen, not the old receipt.
// The class must change synchronously here: the browser lays out the printed page right after this event.
window.addEventListener('beforeprint', () => {
  // A second beforeprint while the dialog is open (its preview being printed again) changes nothing.
  if (dialogOpen) return;
  dialogOpen = true;
  if (requested) {
    requested = false;
    return;
  }
  document.documentElement.classList.remove('printing-sale');
  setPageRule('');
  printing.value = null;
});
window.addEventListener('afterprint', () => {
  dialogOpen = false;
  requested = false;
  document.documentElement.classList.remove('printing-sale');
  setPageRule('');
  printing.value = null;
});

/** Rendered once beside the app shell: off-screen on screen; when something prints, the only thing printed. */
export function PrintArea() {
  const job = printing.value;
  if (!job) return null;
  return (
    <div class={`print-area paper-${job.paper}`} data-testid="print-area" data-paper={job.paper} aria-hidden="true">
      {job.content}
    </div>
  );
}
