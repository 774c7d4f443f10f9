/**
 * Printing in headless Chromium: it has no print dialog, and its window.print() fires beforeprint once and then
 * never returns the page to a printable state (page.pdf refuses "already being printed"). So only the dialog is
 * replaced: window.print() fires beforeprint as the browser does, and closing the dialog fires afterprint. The
 * PDF is Chromium's own print output (page.pdf with the page's CSS page size), read back for its pages.
 */
import type { Page } from '@playwright/test';

const MM_PER_PT = 25.4 / 72;

/** Replaces only the print dialog (see above); {@link closePrintDialog} closes it. */
export async function stubPrintDialog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __closePrintDialog(): void };
    window.print = () => void window.dispatchEvent(new Event('beforeprint'));
    w.__closePrintDialog = () => void window.dispatchEvent(new Event('afterprint'));
  });
}

/** Closes the stubbed print dialog (fires afterprint). */
export async function closePrintDialog(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __closePrintDialog(): void }).__closePrintDialog());
}

/** The pages of a PDF as [width, height] in millimetres, from their MediaBox entries. */
export function pdfPages(pdf: Buffer): [number, number][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]) * MM_PER_PT, Number(m[2]) * MM_PER_PT]);
}

/**
 * Prints what the print area holds: the PDF's pages, and the area's height in mm as laid out at the paper's width
 * (off-screen, before printing: emulated print media in a window lays it out at the window's width, where long
 * lines wrap less than on the paper).
 */
export async function printedPages(page: Page): Promise<{ pages: [number, number][]; contentMm: number }> {
  const contentPx = await page.getByTestId('print-area').evaluate((e) => e.getBoundingClientRect().height);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return { pages: pdfPages(pdf), contentMm: (contentPx * 25.4) / 96 };
}
