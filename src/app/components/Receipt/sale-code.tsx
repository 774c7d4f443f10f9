/**
 * The code printed on a sale's receipt so that it can be found again for a refund by scanning it: the sale number
 * as Code 128 ("S000012"), which every handheld scanner reads, drawn as SVG (crisp on a thermal printer and on A4)
 * from JsBarcode's encoder. A scanner types it back as keys ending in Enter; `refund.find` reads "S000012".
 */
import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128';

/** The bars of `text` as [start, width] runs in modules. */
function bars(text: string): [number, number][] {
  const data = new CODE128(text, {}).encode().data;
  const runs: [number, number][] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== '1') continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1] += 1;
    else runs.push([i, 1]);
  }
  return runs;
}

/** The quiet zone each side, in modules (Code 128 asks for at least ten). */
const QUIET = 10;

/** The receipt's code carrying `text` (see `saleCodeText`), with the text under it. */
export function SaleCode({ text }: { text: string }) {
  const runs = bars(text);
  const width = (runs.length ? runs[runs.length - 1]![0] + runs[runs.length - 1]![1] : 0) + 2 * QUIET;
  return (
    <figure class="receipt-code" data-testid="receipt-code" data-code={text}>
      <svg viewBox={`0 0 ${width} 40`} preserveAspectRatio="none" role="img" aria-label={`Code ${text}`} shape-rendering="crispEdges">
        {runs.map(([x, w]) => (
          <rect key={x} x={x + QUIET} y={0} width={w} height={40} fill="#000" />
        ))}
      </svg>
      <figcaption>{text}</figcaption>
    </figure>
  );
}
