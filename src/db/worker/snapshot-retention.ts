/**
 * Which automatic snapshots to delete. The runner keeps the last {@link AUTOMATIC_SNAPSHOTS_KEPT} pre-migration
 * and upgrade snapshots; everything else in `backups/` (manual backups, pre-restore snapshots) is not its
 * business. A pure function of the names, so it is tested without a browser. The backups work (issue 4) owns the
 * full retention policy and will absorb this rule.
 */

/** How many pre-migration and upgrade snapshots are kept. */
export const AUTOMATIC_SNAPSHOTS_KEPT = 10;

const AUTOMATIC = /^tillite-(?:pre-migration|upgrade)-v[\w.-]*?-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)[\w.-]*\.db$/;

/** The UTC time in an automatic snapshot's name ("2026-11-22T10-15-00Z"), or null for any other file. */
export function automaticSnapshotTime(name: string): string | null {
  return AUTOMATIC.exec(name)?.[1] ?? null;
}

/** The automatic snapshots to delete so that the newest `keep` remain; other names are never returned. */
export function automaticSnapshotsToPrune(names: readonly string[], keep = AUTOMATIC_SNAPSHOTS_KEPT): string[] {
  const automatic = names
    .map((name) => ({ name, time: automaticSnapshotTime(name) }))
    .filter((entry): entry is { name: string; time: string } => entry.time !== null)
    // Newest first; the name breaks ties so that the order never depends on the directory's listing order.
    .sort((a, b) => (a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time)));
  return automatic.slice(Math.max(keep, 0)).map((entry) => entry.name);
}
