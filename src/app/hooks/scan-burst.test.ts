import { describe, expect, it } from 'vitest';
import { BurstDetector } from './scan-burst';

/** Feeds `text` then Enter, one key every `gap` ms, in a field or not; returns Enter's step. */
function type(detector: BurstDetector, text: string, gap: number, inField = true, start = 1000) {
  let t = start;
  for (const ch of text) {
    detector.key(ch, t, inField);
    t += gap;
  }
  return detector.key('Enter', t, inField);
}

describe('BurstDetector in a text field', () => {
  it('recognises a scanner: a code at a few ms per key, ended by Enter', () => {
    expect(type(new BurstDetector(), '4006381333931', 4)).toEqual({ kind: 'scan', code: '4006381333931', burst: true });
  });

  it('never takes a person for a scanner, even a fast typist at 60 ms per key', () => {
    expect(type(new BurstDetector(), '4006381333931', 60)).toEqual({ kind: 'ignore' });
    expect(type(new BurstDetector(), '12', 120)).toEqual({ kind: 'ignore' });
  });

  it('takes a person’s typing followed by a scan as the scan alone', () => {
    const d = new BurstDetector();
    let t = 0;
    for (const ch of '12') d.key(ch, (t += 150), true);
    expect(d.key('4', (t += 150), true)).toEqual({ kind: 'start' });
    for (const ch of '006381333931') d.key(ch, (t += 4), true);
    expect(d.key('Enter', t + 4, true)).toEqual({ kind: 'scan', code: '4006381333931', burst: true });
  });

  it('needs Enter promptly after the last key', () => {
    const d = new BurstDetector();
    let t = 0;
    for (const ch of '400638') d.key(ch, (t += 5), true);
    expect(d.key('Enter', t + 300, true)).toEqual({ kind: 'ignore' });
  });

  it('ignores codes shorter than four characters (a person pressing 1, 2 and Enter quickly)', () => {
    expect(type(new BurstDetector(), '123', 3)).toEqual({ kind: 'ignore' });
  });

  it('lets Shift through between a scanner’s capital letters', () => {
    const d = new BurstDetector();
    let t = 0;
    for (const key of ['Shift', 'A', 'Shift', 'B', '-', '1', '2']) d.key(key, (t += 3), true);
    expect(d.key('Enter', t + 3, true)).toEqual({ kind: 'scan', code: 'AB-12', burst: true });
  });

  it('starts afresh after every code', () => {
    const d = new BurstDetector();
    expect(type(d, '2000000000015', 3, true, 0)).toEqual({ kind: 'scan', code: '2000000000015', burst: true });
    expect(type(d, '4006381333931', 3, true, 100)).toEqual({ kind: 'scan', code: '4006381333931', burst: true });
  });
});

describe('BurstDetector with no field focused', () => {
  it('also takes a code typed at a person’s pace, since nothing can be typed into', () => {
    expect(type(new BurstDetector(), '4006381333931', 120, false)).toEqual({ kind: 'scan', code: '4006381333931', burst: false });
  });

  it('forgets keys after a long pause', () => {
    const d = new BurstDetector();
    d.key('7', 0, false);
    d.key('7', 100, false);
    expect(type(d, '123', 100, false, 5000)).toEqual({ kind: 'scan', code: '123', burst: false });
  });

  it('ignores Enter alone (a focused button’s own Enter)', () => {
    expect(new BurstDetector().key('Enter', 10, false)).toEqual({ kind: 'ignore' });
  });
});
