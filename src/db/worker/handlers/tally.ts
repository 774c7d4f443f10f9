/** The foundation's write path: rows written through the worker from any tab, each exactly once. */
import type { TallyEntry, TallyHandlers } from '../../protocol';
import { HandlerError } from '../errors';
import type { HandlerImpls } from '../processor';

function rowToEntry(row: Record<string, unknown>): TallyEntry {
  return { id: String(row.id), note: String(row.note), tab: String(row.tab), createdAt: String(row.created_at) };
}

/** `tally.*` handlers. */
export const tallyHandlers = {
  'tally.add': {
    kind: 'mutation',
    changes: ['tally'],
    run: ({ db }, { id, note, tab }) => {
      if (!id || note.length > 200) throw new HandlerError('invalid', 'A row needs an id and a note of at most 200 characters.');
      const createdAt = new Date().toISOString();
      db.exec({ sql: 'INSERT INTO tally (id, note, tab, created_at) VALUES (?, ?, ?, ?)', bind: [id, note, tab, createdAt] });
      return { entry: { id, note, tab, createdAt }, total: Number(db.selectValue('SELECT count(*) FROM tally')) };
    },
  },
  'tally.list': {
    kind: 'query',
    run: ({ db }, { limit }) => ({
      total: Number(db.selectValue('SELECT count(*) FROM tally')),
      entries: db
        .selectObjects('SELECT id, note, tab, created_at FROM tally ORDER BY created_at DESC, id DESC LIMIT ?', [limit])
        .map(rowToEntry),
    }),
  },
} satisfies HandlerImpls<TallyHandlers>;
