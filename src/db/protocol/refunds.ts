/** `refund.*`, `sale.void` and the till's approval and idle-lock settings. */
import type { RefundRequest } from '../../pos/refund-limits';
import type { SaleDetail, SaleLine } from '../../pos/sale';

/** How a refund pays back: by the methods the sale was paid with, in proportion, or all in cash. */
export type RefundMethod = 'original' | 'cash';

/** A line of a sale as the refund screen shows it: what was sold and what is left to refund. */
export interface RefundLineView extends SaleLine {
  refundedQty: number;
}

/** An earlier refund (or the void) of a sale. */
export interface RefundSummary {
  number: number;
  /** UTC ISO 8601. */
  createdAt: string;
  /** Money back, minor units, positive. */
  total: number;
  reason: string;
  isVoid: boolean;
}

/** A completed sale found for a refund or a void. */
export interface RefundableSale {
  sale: SaleDetail;
  lines: RefundLineView[];
  refunds: RefundSummary[];
  voided: boolean;
}

/** The till's rules that need no code change: approvals above a discount, and the idle lock. */
export interface StaffSettings {
  /** A discount above this share of what it is taken off needs a manager's or the owner's PIN (10 % = 1000). */
  discountLimitBp: number;
  /** The app locks after this many minutes without a touch or a key; 0: never. */
  idleLockMinutes: number;
}

export interface RefundHandlers {
  /**
   * The sale to refund or void: by its number, or by the code printed on its receipt (`query`: "S000123", "123"
   * or "#123"). Refused with `not-found` when there is none, and when it is itself a refund.
   */
  'refund.find': (args: { query: string }) => RefundableSale;
  /**
   * Refunds lines of a sale (a manager's or the owner's approval): never more than was sold, earlier refunds
   * counted; the stock comes back; paid back by the sale's own methods or in cash. Answers the refund's receipt.
   * Recorded as given by whoever is signed in at the calling till (like a sale, refused with `signed-out` when no
   * one is, once the shop has staff).
   */
  'refund.create': (args: {
    saleNumber: number;
    lines: RefundRequest[];
    reason: string;
    method: RefundMethod;
    registerId: string;
  }) => SaleDetail;
  /** Voids a sale (approval): everything it sold comes back, and it shows as voided. Only before any refund. */
  'sale.void': (args: { saleNumber: number; reason: string; registerId: string }) => SaleDetail;
  'staffSettings.get': (args: Record<string, never>) => StaffSettings;
  /** Changes the till's rules (approval). */
  'staffSettings.save': (args: StaffSettings) => StaffSettings;
}
