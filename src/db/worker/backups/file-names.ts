/** How backup files are named: sortable UTC times, safe descriptions, the kind and schema in the name. */

/** "2026-11-22T10:15:00.123Z" → "2026-11-22T10-15-00Z": sortable, and valid in every file system. */
export function fileTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

/** Keeps a description safe and short in a file name. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 40);
}

/** `tillite-{kind}-v{schema}-{UTC time}[-{description}].db` */
export function snapshotFileName(kind: string, schema: string, date: Date, description?: string): string {
  const tail = description ? `-${slug(description)}` : '';
  return `tillite-${kind}-v${schema}-${fileTime(date)}${tail}.db`;
}
