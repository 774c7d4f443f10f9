/**
 * The page's time, to the minute, as UTC ISO: calls that depend on "now" (the export reminder) pass it, so they
 * run again once a minute and follow the page's clock (which Playwright drives in tests).
 */
import { useEffect, useState } from 'preact/hooks';

const minute = () => {
  const now = new Date();
  now.setSeconds(0, 0);
  return now.toISOString();
};

export function useNow(): string {
  const [now, setNow] = useState(minute);
  useEffect(() => {
    const timer = setInterval(() => setNow(minute()), 60_000);
    const visible = () => document.visibilityState === 'visible' && setNow(minute());
    document.addEventListener('visibilitychange', visible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', visible);
    };
  }, []);
  return now;
}
