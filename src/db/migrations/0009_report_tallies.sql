-- Tallies the sales report reads instead of every sale (issue 15: a year's report within a second).
-- Append-only: once on main, this file is never edited (see docs/migrations.md).
--
-- A year at 300,000 sales took seconds to group by quarter-hour, payment method and staff member: each sorted
-- every sale of the range. These two tables hold the same sums per UTC quarter-hour (`created_at / 900000`, the
-- grouping `pos/report.ts` folds into local days and hours), so a year is about 35,000 rows at most. The report
-- reads the quarter-hours wholly inside its range from them and the sales of a partial quarter-hour at either end
-- from `sales` itself (handlers/report-tallies.ts).
--
-- Triggers keep them inside the very transaction that writes a sale or refund, whatever writes it (the till, a
-- refund or void, the bench's generator, a test): a row added counts once, a row changed moves its old figures out
-- and its new ones in. Sales and payments are never deleted (only emptying the database does, and it empties
-- these tables with every other), so there is no delete trigger.
-- `staff` is `sales.staff_id`, 0 when none was recorded (a primary key of a WITHOUT ROWID table cannot be NULL).

CREATE TABLE report_quarters (
  quarter   INTEGER NOT NULL,
  staff     INTEGER NOT NULL,
  sales     INTEGER NOT NULL,  -- completed sales
  refunds   INTEGER NOT NULL,  -- refunds and voids
  gross     INTEGER NOT NULL,  -- sales' subtotals before discounts
  discounts INTEGER NOT NULL,  -- sales' discounts
  refunded  INTEGER NOT NULL,  -- what refunds paid back (positive)
  net       INTEGER NOT NULL,  -- sales' totals less refunds
  tax       INTEGER NOT NULL,
  rounding  INTEGER NOT NULL,  -- cash rounding
  PRIMARY KEY (quarter, staff)
) STRICT, WITHOUT ROWID;

-- Payments per quarter-hour of their sale and method (refunds' payments negative).
CREATE TABLE report_methods (
  quarter INTEGER NOT NULL,
  method  TEXT NOT NULL,
  count   INTEGER NOT NULL,
  amount  INTEGER NOT NULL,
  PRIMARY KEY (quarter, method)
) STRICT, WITHOUT ROWID;

-- The sales already recorded.
INSERT INTO report_quarters (quarter, staff, sales, refunds, gross, discounts, refunded, net, tax, rounding)
  SELECT created_at / 900000, coalesce(staff_id, 0), sum(kind = 'sale'), sum(kind = 'refund'),
    sum(iif(kind = 'sale', subtotal, 0)), sum(iif(kind = 'sale', discount_total, 0)), -sum(iif(kind = 'refund', total, 0)),
    sum(total), sum(tax_total), sum(cash_rounding)
  FROM sales GROUP BY 1, 2;
INSERT INTO report_methods (quarter, method, count, amount)
  SELECT s.created_at / 900000, p.method, count(*), sum(p.amount)
  FROM sale_payments p JOIN sales s ON s.id = p.sale_id GROUP BY 1, 2;

-- A sale's figures, `sign` times (1: in, -1: out), added to its quarter-hour and staff member. (One statement per
-- trigger below; SQLite has no functions of our own to share it.)
CREATE TRIGGER report_sale_in AFTER INSERT ON sales BEGIN
  INSERT INTO report_quarters (quarter, staff, sales, refunds, gross, discounts, refunded, net, tax, rounding)
    VALUES (NEW.created_at / 900000, coalesce(NEW.staff_id, 0), NEW.kind = 'sale', NEW.kind = 'refund',
      iif(NEW.kind = 'sale', NEW.subtotal, 0), iif(NEW.kind = 'sale', NEW.discount_total, 0), -iif(NEW.kind = 'refund', NEW.total, 0),
      NEW.total, NEW.tax_total, NEW.cash_rounding)
    ON CONFLICT (quarter, staff) DO UPDATE SET sales = sales + excluded.sales, refunds = refunds + excluded.refunds,
      gross = gross + excluded.gross, discounts = discounts + excluded.discounts, refunded = refunded + excluded.refunded,
      net = net + excluded.net, tax = tax + excluded.tax, rounding = rounding + excluded.rounding;
END;

CREATE TRIGGER report_sale_changed AFTER UPDATE ON sales BEGIN
  INSERT INTO report_quarters (quarter, staff, sales, refunds, gross, discounts, refunded, net, tax, rounding)
    VALUES (OLD.created_at / 900000, coalesce(OLD.staff_id, 0), -(OLD.kind = 'sale'), -(OLD.kind = 'refund'),
      -iif(OLD.kind = 'sale', OLD.subtotal, 0), -iif(OLD.kind = 'sale', OLD.discount_total, 0), iif(OLD.kind = 'refund', OLD.total, 0),
      -OLD.total, -OLD.tax_total, -OLD.cash_rounding)
    ON CONFLICT (quarter, staff) DO UPDATE SET sales = sales + excluded.sales, refunds = refunds + excluded.refunds,
      gross = gross + excluded.gross, discounts = discounts + excluded.discounts, refunded = refunded + excluded.refunded,
      net = net + excluded.net, tax = tax + excluded.tax, rounding = rounding + excluded.rounding;
  INSERT INTO report_quarters (quarter, staff, sales, refunds, gross, discounts, refunded, net, tax, rounding)
    VALUES (NEW.created_at / 900000, coalesce(NEW.staff_id, 0), NEW.kind = 'sale', NEW.kind = 'refund',
      iif(NEW.kind = 'sale', NEW.subtotal, 0), iif(NEW.kind = 'sale', NEW.discount_total, 0), -iif(NEW.kind = 'refund', NEW.total, 0),
      NEW.total, NEW.tax_total, NEW.cash_rounding)
    ON CONFLICT (quarter, staff) DO UPDATE SET sales = sales + excluded.sales, refunds = refunds + excluded.refunds,
      gross = gross + excluded.gross, discounts = discounts + excluded.discounts, refunded = refunded + excluded.refunded,
      net = net + excluded.net, tax = tax + excluded.tax, rounding = rounding + excluded.rounding;
  -- Its payments follow it to its new quarter-hour.
  INSERT INTO report_methods (quarter, method, count, amount)
    SELECT q, method, sum(n), sum(a) FROM (
      SELECT OLD.created_at / 900000 AS q, method, -1 AS n, -amount AS a FROM sale_payments WHERE sale_id = OLD.id
      UNION ALL SELECT NEW.created_at / 900000, method, 1, amount FROM sale_payments WHERE sale_id = NEW.id)
    WHERE OLD.created_at / 900000 <> NEW.created_at / 900000 OR OLD.id <> NEW.id GROUP BY q, method
    ON CONFLICT (quarter, method) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_payment_in AFTER INSERT ON sale_payments BEGIN
  INSERT INTO report_methods (quarter, method, count, amount)
    SELECT created_at / 900000, NEW.method, 1, NEW.amount FROM sales WHERE id = NEW.sale_id
    ON CONFLICT (quarter, method) DO UPDATE SET count = count + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_payment_changed AFTER UPDATE ON sale_payments BEGIN
  INSERT INTO report_methods (quarter, method, count, amount)
    SELECT created_at / 900000, OLD.method, -1, -OLD.amount FROM sales WHERE id = OLD.sale_id
    ON CONFLICT (quarter, method) DO UPDATE SET count = count - 1, amount = amount + excluded.amount;
  INSERT INTO report_methods (quarter, method, count, amount)
    SELECT created_at / 900000, NEW.method, 1, NEW.amount FROM sales WHERE id = NEW.sale_id
    ON CONFLICT (quarter, method) DO UPDATE SET count = count + 1, amount = amount + excluded.amount;
END;
