/**
 * The directories Tillite keeps in the Origin Private File System, named once for the page and the worker.
 * The pool's directory belongs to the sahpool VFS alone: nothing else may write there.
 */
export const OPFS_DIRS = {
  /** Verified backups as plain files, streamable to a download or a save picker. */
  backups: 'backups',
  /** Files the page copied in for an import, checked by the worker before anything else is touched. */
  staging: 'staging',
  /** The switch record's two copies: which of the pool's two live names is the database (the atomic swap). */
  live: 'live',
  /** The opfs-sahpool VFS's own directory: the live database and its journals. */
  pool: '.tillite-sahpool',
  /** The checker worker's own opfs-sahpool directory: the staging copy of a backup being checked, nothing else. */
  checkerPool: '.tillite-checker-pool',
} as const;
