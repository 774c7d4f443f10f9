/**
 * Local days and hours from UTC quarter-hours: a sale just after local midnight belongs to the new local day even
 * when it is still the day before in UTC (and the other way round west of Greenwich); daylight-saving days have
 * 23 and 25 hours; zones offset by a quarter-hour (Kathmandu) still fall into whole local hours.
 */
import { describe, expect, it } from 'vitest';
import { QUARTER_MS, emptyTally, localClock, localRange, startOfLocalDay, sumTallies, tallyByDay, tallyByHour, type QuarterTally } from './report';

/** One sale of `net` at UTC instant `iso`, as the database's quarter grouping would return it. */
const sale = (iso: string, net: number): QuarterTally => ({
  quarter: Math.floor(Date.parse(iso) / QUARTER_MS), ...emptyTally(), sales: 1, gross: net, net,
});

describe('local days from UTC', () => {
  it('puts a sale at 00:30 in Berlin (23:30 UTC the day before) on the Berlin day', () => {
    const days = tallyByDay([sale('2026-03-09T23:30:00Z', 500), sale('2026-03-09T22:45:00Z', 300)], 'Europe/Berlin');
    expect(days.map((d) => [d.day, d.net])).toEqual([['2026-03-09', 300], ['2026-03-10', 500]]);
  });

  it('puts a sale at 20:00 in New York (01:00 UTC the next day) on the New York day', () => {
    const days = tallyByDay([sale('2026-06-02T01:00:00Z', 700), sale('2026-06-02T04:30:00Z', 100)], 'America/New_York');
    expect(days.map((d) => [d.day, d.net])).toEqual([['2026-06-01', 700], ['2026-06-02', 100]]);
  });

  it('adds every figure of the same day together', () => {
    const refund: QuarterTally = { quarter: Math.floor(Date.parse('2026-03-10T09:00:00Z') / QUARTER_MS), ...emptyTally(), refunds: 1, refunded: 200, net: -200, tax: -33 };
    const [day] = tallyByDay([sale('2026-03-10T08:00:00Z', 1000), refund], 'Europe/London');
    expect(day).toEqual({ day: '2026-03-10', sales: 1, refunds: 1, gross: 1000, discounts: 0, refunded: 200, net: 800, tax: -33, rounding: 0 });
  });
});

describe('local hours', () => {
  it('folds quarters into the local hour, across a DST change', () => {
    // London: 08:10 UTC in January is 08 local; 08:10 UTC in July is 09 local.
    const hours = tallyByHour([sale('2026-01-15T08:10:00Z', 100), sale('2026-07-15T08:10:00Z', 200)], 'Europe/London');
    expect(hours).toHaveLength(24);
    expect(hours[8]?.net).toBe(100);
    expect(hours[9]?.net).toBe(200);
    expect(sumTallies(hours).net).toBe(300);
  });

  it('keeps a quarter-hour zone (Kathmandu, UTC+5:45) in whole local hours', () => {
    // 03:14 UTC is 08:59 in Kathmandu; 03:15 UTC is 09:00.
    const hours = tallyByHour([sale('2026-05-01T03:14:00Z', 10), sale('2026-05-01T03:15:00Z', 20)], 'Asia/Kathmandu');
    expect([hours[8]?.net, hours[9]?.net]).toEqual([10, 20]);
  });
});

describe('local ranges', () => {
  it('starts a Berlin day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(new Date(startOfLocalDay('2026-01-10', 'Europe/Berlin')).toISOString()).toBe('2026-01-09T23:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-07-10', 'Europe/Berlin')).toISOString()).toBe('2026-07-09T22:00:00.000Z');
  });

  it('gives the spring-forward day 23 hours and the fall-back day 25', () => {
    const spring = localRange('2026-03-29', '2026-03-29', 'Europe/Berlin');
    const autumn = localRange('2026-10-25', '2026-10-25', 'Europe/Berlin');
    expect((spring.to - spring.from) / 3_600_000).toBe(23);
    expect((autumn.to - autumn.from) / 3_600_000).toBe(25);
  });

  it('covers whole local days, so a sale at 23:59 local on the last day is in and 00:00 the day after is out', () => {
    const { from, to } = localRange('2026-02-01', '2026-02-28', 'America/Los_Angeles');
    const inside = Date.parse('2026-03-01T07:59:00Z'); // 23:59 on 28 February in Los Angeles
    const outside = Date.parse('2026-03-01T08:00:00Z');
    expect(inside >= from && inside < to).toBe(true);
    expect(outside < to).toBe(false);
  });

  it('refuses a range that runs backwards and a date that does not exist', () => {
    expect(() => localRange('2026-02-10', '2026-02-09', 'UTC')).toThrow(/before the first/);
    expect(() => localRange('2026-02-30', '2026-03-01', 'UTC')).toThrow(/not a date/);
  });

  it('reads local dates and times for a CSV', () => {
    const clock = localClock('Asia/Tokyo');
    expect(clock(Date.parse('2026-12-31T15:30:05Z'))).toEqual({ date: '2027-01-01', time: '00:30:05' });
  });
});
