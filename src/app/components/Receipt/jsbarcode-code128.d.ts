/** The Code 128 encoder inside JsBarcode (its own typings cover only the DOM-rendering entry). */
declare module 'jsbarcode/bin/barcodes/CODE128' {
  /** Code 128 with automatic choice of code sets A, B and C. */
  export class CODE128 {
    constructor(text: string, options: Record<string, unknown>);
    valid(): boolean;
    /** `data`: one character per module, '1' a bar, '0' a space, start, check and stop symbols included. */
    encode(): { text: string; data: string };
  }
}
