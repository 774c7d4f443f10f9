/**
 * The report's tables, each defined once for both the screen and its CSV: a cell is text, a count, an amount
 * (minor units) or a local date, shown in the shop's locale on screen and written plainly into the CSV.
 */
import type { ProductTally, SalesReport } from '../../../db/protocol/reports';
import type { DayTally, HourTally, Tally } from '../../../pos/report';
import { csvAmount, csvFile, type CsvNumbers } from '../../../pos/report-csv';

/** One cell: text, a count, an amount in minor units, or a local date (YYYY-MM-DD). */
export type Cell = string | number | { money: number } | { day: string };

/** A table of the report. */
export interface ReportTable {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** How many rows the whole table has, when `rows` holds only the first of them (the best-selling products). */
  count?: number;
}

const METHOD_LABELS = { cash: 'Cash', card: 'Card', other: 'Other' } as const;
const TALLY_HEADER = ['Sales', 'Refunds', 'Gross', 'Discounts', 'Refunded', 'Net', 'Tax', 'Cash rounding'];
const tallyCells = (t: Tally): Cell[] => [
  t.sales, t.refunds, { money: t.gross }, { money: t.discounts }, { money: t.refunded }, { money: t.net }, { money: t.tax }, { money: t.rounding },
];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;

/** The products' rows: name, SKU, quantity and amount. */
export const productRows = (products: ProductTally[]): Cell[][] => products.map((p) => [p.name, p.sku ?? '', p.quantity, { money: p.amount }]);

/** The tables of `report`, given its local days and hours, in the order the page shows them. */
export function reportTables(report: SalesReport, days: DayTally[], hours: HourTally[]): ReportTable[] {
  return [
    { id: 'days', title: 'By day', header: ['Day', ...TALLY_HEADER], rows: days.map((d) => [{ day: d.day }, ...tallyCells(d)]) },
    {
      id: 'hours',
      title: 'By hour of the day',
      header: ['Hour', ...TALLY_HEADER],
      rows: hours.filter((h) => h.sales + h.refunds > 0).map((h) => [hourLabel(h.hour), ...tallyCells(h)]),
    },
    {
      id: 'products',
      title: 'Products, best-selling first',
      header: ['Product', 'SKU', 'Quantity', 'Sold'],
      rows: productRows(report.products),
      count: report.productCount,
    },
    {
      id: 'categories',
      title: 'By category',
      header: ['Category', 'Quantity', 'Sold'],
      rows: report.categories.map((c) => [c.name, c.quantity, { money: c.amount }]),
    },
    {
      id: 'methods',
      title: 'By payment method',
      header: ['Method', 'Payments', 'Taken'],
      rows: report.methods.map((m) => [METHOD_LABELS[m.method], m.count, { money: m.amount }]),
    },
    {
      id: 'staff',
      title: 'By staff member',
      header: ['Staff member', 'Sales', 'Refunds', 'Net'],
      rows: report.staff.map((s) => [s.name, s.sales, s.refunds, { money: s.net }]),
    },
  ];
}

/** A table as a CSV file's text (amounts plain, with the shop's decimal mark). */
export function tableCsv(table: ReportTable, numbers: CsvNumbers): string {
  const text = (cell: Cell): string =>
    typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : 'money' in cell ? csvAmount(cell.money, numbers) : cell.day;
  return csvFile(table.header, table.rows.map((row) => row.map(text)), numbers.decimal);
}
