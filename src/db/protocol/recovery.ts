/** `recovery.*`: calls answered even while the database is refused. */

/** Calls answered even while the database is refused (see `recovery` on handler implementations). */
export interface RecoveryHandlers {
  /**
   * A consistent copy of the live database made by SQLite's serializer (nothing is written to the file), for a
   * download: how a person keeps a database this build refuses, for example one from a newer Tillite.
   */
  'recovery.export-live': (args: Record<string, never>) => { fileName: string; bytes: Uint8Array };
}
