// Peak memory of a process during an operation, from Linux's /proc: writing 5 to clear_refs resets the
// process's peak resident size (VmHWM) to its current size, so VmHWM after the operation minus VmRSS before it
// is the extra memory the operation needed at its peak, whatever it freed before we looked.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const kib = (status, field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
const status = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
};
const cmdline = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** The renderer processes of the Chromium whose profile is `profileDir` (the page and its worker live there). */
export function rendererPids(profileDir) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      // Chromium rewrites a child's command line into one space-separated string.
      const text = ` ${cmdline(pid).join(' ')} `;
      return text.includes(' --type=renderer ') && text.includes(` --user-data-dir=${profileDir} `) && !text.includes(' --top-chrome-webui ');
    });
}

/** Starts watching `pids`; `stop()` returns the largest extra resident memory (bytes) any of them reached. */
export function watchPeak(pids) {
  const before = new Map();
  for (const pid of pids) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Not permitted: VmHWM then is the lifetime peak, and the figure an upper bound.
    }
    before.set(pid, kib(status(pid), 'VmRSS'));
  }
  const peak = () => Math.max(0, ...pids.map((pid) => kib(status(pid), 'VmHWM') - before.get(pid)).filter(Number.isFinite));
  return {
    stop: peak,
    /** The peak so far, then the peak is reset: what follows is measured from the same start, apart. */
    split: () => {
      const so = peak();
      for (const pid of pids) {
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, '5');
        } catch {
          // As above: the next figure is then an upper bound.
        }
      }
      return so;
    },
  };
}
