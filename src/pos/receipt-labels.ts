/**
 * The words printed on receipts and invoices, in the shop's language: English, German and French (a receipt is
 * a legal document a customer keeps; it is written in the shop's language, not the device's). A plain table
 * rather than an i18n library: a few dozen fixed labels, no plurals beyond what is written out here.
 */

/** Every label a receipt or an invoice prints. */
export interface ReceiptLabels {
  sale: string;
  refund: string;
  number: string;
  tel: string;
  taxNumber: string;
  subtotal: string;
  discounts: string;
  net: string;
  tax: string;
  taxRate: string;
  gross: string;
  total: string;
  cash: string;
  card: string;
  other: string;
  change: string;
  /** Cash rounding to the coin, and what was paid after it. */
  rounding: string;
  toPay: string;
  thanks: string;
  invoice: string;
  creditNote: string;
  date: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  amount: string;
  paid: string;
  invoiceThanks: string;
  /** Who rang it up. */
  servedBy: string;
  /** Before the catalogue's price of a line sold at another price: "2 × 7.50 (instead of 8.99)". */
  insteadOf: string;
  /** A refund's line naming the sale it refunds ("Refund of sale" + "no. 000012"), and a void's. */
  refundOf: string;
  voidOf: string;
  reason: string;
  /** Printed across a sale that was voided. */
  voided: string;
}

const EN: ReceiptLabels = {
  sale: 'Sale',
  refund: 'Refund',
  number: 'no.',
  tel: 'Tel.',
  taxNumber: 'VAT/Tax no.',
  subtotal: 'Subtotal',
  discounts: 'Discounts',
  net: 'Net',
  tax: 'Tax',
  taxRate: 'Tax rate',
  gross: 'Gross',
  total: 'Total',
  cash: 'Cash',
  card: 'Card',
  other: 'Other',
  change: 'Change',
  rounding: 'Cash rounding',
  toPay: 'To pay',
  thanks: 'Thank you!',
  invoice: 'Invoice',
  creditNote: 'Credit note',
  date: 'Date',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  discount: 'Discount',
  amount: 'Amount',
  paid: 'Paid',
  invoiceThanks: 'Thank you for your purchase.',
  servedBy: 'Served by',
  insteadOf: 'instead of',
  refundOf: 'Refund of sale',
  voidOf: 'Void of sale',
  reason: 'Reason',
  voided: 'VOIDED',
};

const DE: ReceiptLabels = {
  sale: 'Beleg',
  refund: 'Rückgabe',
  number: 'Nr.',
  tel: 'Tel.',
  taxNumber: 'USt-IdNr.',
  subtotal: 'Zwischensumme',
  discounts: 'Rabatte',
  net: 'Netto',
  tax: 'MwSt.',
  taxRate: 'MwSt.-Satz',
  gross: 'Brutto',
  total: 'Summe',
  cash: 'Bar',
  card: 'Karte',
  other: 'Sonstige',
  change: 'Rückgeld',
  rounding: 'Rundung',
  toPay: 'Zu bezahlen',
  thanks: 'Vielen Dank!',
  invoice: 'Rechnung',
  creditNote: 'Gutschrift',
  date: 'Datum',
  description: 'Bezeichnung',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  discount: 'Rabatt',
  amount: 'Betrag',
  paid: 'Bezahlt',
  invoiceThanks: 'Vielen Dank für Ihren Einkauf.',
  servedBy: 'Bedient von',
  insteadOf: 'statt',
  refundOf: 'Rückgabe zu Beleg',
  voidOf: 'Storno von Beleg',
  reason: 'Grund',
  voided: 'STORNIERT',
};

const FR: ReceiptLabels = {
  sale: 'Ticket',
  refund: 'Remboursement',
  number: 'n°',
  tel: 'Tél.',
  taxNumber: 'N° TVA',
  subtotal: 'Sous-total',
  discounts: 'Remises',
  net: 'HT',
  tax: 'TVA',
  taxRate: 'Taux TVA',
  gross: 'TTC',
  total: 'Total',
  cash: 'Espèces',
  card: 'Carte',
  other: 'Autre',
  change: 'Rendu',
  rounding: 'Arrondi',
  toPay: 'À payer',
  thanks: 'Merci !',
  invoice: 'Facture',
  creditNote: 'Avoir',
  date: 'Date',
  description: 'Désignation',
  quantity: 'Qté',
  unitPrice: 'Prix unitaire',
  discount: 'Remise',
  amount: 'Montant',
  paid: 'Payé',
  invoiceThanks: 'Merci de votre achat.',
  servedBy: 'Servi par',
  insteadOf: 'au lieu de',
  refundOf: 'Remboursement de la vente',
  voidOf: 'Annulation de la vente',
  reason: 'Motif',
  voided: 'ANNULÉE',
};

const BY_LANGUAGE: Record<string, ReceiptLabels> = { en: EN, de: DE, fr: FR };

/** The labels for `locale` ("de-CH" → German); English for a language without its own. */
export function receiptLabels(locale: string): ReceiptLabels {
  return BY_LANGUAGE[locale.split('-')[0]!.toLowerCase()] ?? EN;
}
