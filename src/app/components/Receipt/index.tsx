/** A sale on paper: the receipt (screen and 80 mm roll), the A4 invoice, and printing them. */
export { Receipt, saleCodeText, saleNumberLabel } from './receipt';
export { Invoice } from './invoice';
export { printOnPaper, printReceipt, PrintArea, type Paper } from './print';
