/**
 * The till as a cashier uses it, for the till-* specs: the sample shop, its barcodes, a scanner's burst of keys
 * into whatever has the focus, and checks of what is on screen.
 */
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { waitForDb } from './helpers';

/** The four screen sizes a till runs on: laptop, landscape tablet, portrait tablet, phone. */
export const SIZES = {
  laptop: { width: 1366, height: 768 },
  tabletLandscape: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Products of the sample shop ("Load a sample shop"): its catalogue numbers them from 1 and gives product n
 * the EAN-13 of 400000 followed by n in six digits.
 */
const SAMPLE: Record<string, { n: number; price: number }> = {
  Espresso: { n: 1, price: 220 },
  Cappuccino: { n: 2, price: 320 },
  Croissant: { n: 14, price: 180 },
  'Blueberry muffin': { n: 18, price: 275 },
};

/** The EAN-13 of a 12-digit stem (its check digit appended). */
function ean13(stem: string): string {
  const sum = [...stem].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return stem + String((10 - (sum % 10)) % 10);
}

/** A product of the sample shop by name: its barcode and price in minor units. */
export function sample(name: string): { barcode: string; price: number; name: string } {
  const product = SAMPLE[name];
  if (!product) throw new Error(`No sample product ${name} in this page model`);
  return { name, price: product.price, barcode: ean13(`400000${String(product.n).padStart(6, '0')}`) };
}

/** Opens the app on a fresh origin and loads the sample shop (EUR, prices include tax). */
export async function openSampleShop(page: Page): Promise<void> {
  await page.goto('/');
  await waitForDb(page);
  await page.getByTestId('load-sample').click();
  await expect(page.getByTestId('register-search')).toBeVisible();
}

const sessions = new WeakMap<Page, CDPSession>();

/** The DevTools key description of one character of a code (digits, letters, a few signs). */
function keyOf(ch: string): { key: string; code: string; windowsVirtualKeyCode: number; text: string } {
  if (/\d/.test(ch)) return { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), text: ch };
  if (/[a-z]/i.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0), text: ch };
  if (ch === '-') return { key: ch, code: 'Minus', windowsVirtualKeyCode: 189, text: ch };
  throw new Error(`No key for ${ch}`);
}

/**
 * A barcode scanner's burst into whatever has the focus: the code at `msPerKey` per key, then Enter. The keys go
 * through Chromium's real input pipeline (DevTools `Input.dispatchKeyEvent`) stamped with a scanner's timing,
 * so the page sees what a USB scanner sends however busy this machine is (Playwright's own typing stamps each
 * key when it arrives, which on a loaded machine leaves a person's gaps between them).
 */
export async function scanInto(page: Page, code: string, msPerKey = 4): Promise<void> {
  // Each key is stamped with the scanner's time and sent after the previous one was handled: the page sees
  // keys 4 ms apart, in order, however long this machine takes to deliver them.
  const cdp = await sessionOf(page);
  for (const event of scanEvents(code, Date.now() / 1000, msPerKey)) await cdp.send('Input.dispatchKeyEvent', event);
}

/**
 * Scans `codes` and presses `key` at once after the last Enter, every key sent without waiting for the page to
 * handle the one before (as a fast scanner and a quick cashier's F8 arrive): the page gets the whole burst while
 * the first lookups are still on their way back from the database.
 */
export async function scanBurstThen(page: Page, codes: string[], key: 'F8', msPerKey = 4): Promise<void> {
  const cdp = await sessionOf(page);
  let t = Date.now() / 1000;
  const events = codes.flatMap((code) => {
    const keys = scanEvents(code, t, msPerKey);
    t += (keys.length / 2) * (msPerKey / 1000);
    return keys;
  });
  events.push(...keyEvents({ key, code: key, windowsVirtualKeyCode: 119, text: '' }, t));
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)));
}

async function sessionOf(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** One `Input.dispatchKeyEvent` call's parameters. */
interface KeyEvent {
  type: 'keyDown' | 'keyUp';
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  text?: string;
  unmodifiedText?: string;
  timestamp: number;
}

/** The key-down and key-up of one key at `t` (seconds). */
function keyEvents(k: ReturnType<typeof keyOf>, t: number): KeyEvent[] {
  return [
    { type: 'keyDown', ...k, unmodifiedText: k.text, timestamp: t },
    { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.windowsVirtualKeyCode, timestamp: t + 0.001 },
  ];
}

/** A scanner's keys for `code` and its Enter, from `t` (seconds) at `msPerKey`. */
function scanEvents(code: string, t: number, msPerKey: number): KeyEvent[] {
  const keys = [...[...code].map(keyOf), { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }];
  return keys.flatMap((k, i) => keyEvents(k, t + (i * msPerKey) / 1000));
}

/** A person typing: a tenth of a second between keys. */
export async function typeSlowly(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 110 });
}

/** Asserts that `locator` lies wholly inside the viewport (it can be seen and tapped without scrolling). */
export async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'the element is rendered').not.toBeNull();
  expect(box!.y, 'top inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box!.x, 'left inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'bottom inside the viewport').toBeLessThanOrEqual(viewport.height + 0.5);
  expect(box!.x + box!.width, 'right inside the viewport').toBeLessThanOrEqual(viewport.width + 0.5);
}

/** Asserts that the page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const scrollers = [document.documentElement, document.body, ...document.querySelectorAll<HTMLElement>('.content, .shell')];
    return scrollers.map((e) => ({ name: e.className || e.tagName, scroll: e.scrollWidth, client: e.clientWidth }));
  });
  for (const w of widths) expect(w.scroll, `${w.name} is ${w.scroll} px wide in ${w.client} px`).toBeLessThanOrEqual(w.client);
}

/** The amount in minor units shown as the sample shop (EUR, en-US) shows it. */
export function euro(minor: number): string {
  return `€${(minor / 100).toFixed(2)}`;
}

/** Visible controls in the page smaller than 44 × 44 px (text fields: less than 44 px high), as "name: w×h". */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="button"]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.sr-only')) continue;
      const isCheck = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type);
      // A checkbox counts with its label, which is the target a finger hits.
      const target = isCheck ? (el.closest('label')?.getBoundingClientRect() ?? box) : box;
      const textField = el instanceof HTMLInputElement || el instanceof HTMLSelectElement;
      if (target.height < 43.5 || (!textField && target.width < 43.5)) {
        small.push(`${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName}: ${Math.round(target.width)}×${Math.round(target.height)}`);
      }
    }
    return small;
  });
}
