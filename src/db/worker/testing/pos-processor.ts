/**
 * The real processor and handlers over a fresh in-memory database with every migration, for unit tests of the
 * point-of-sale handlers: `call` sends one request as the client would and throws the handler's error in words.
 * Like the app's tab, it keeps the sign-in `staff.signIn` answers and sends its token with every later call, until
 * `staff.signOut`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { ArgsOf, HandlerName, ResultOf } from '../../protocol';
import type { Approval } from '../../protocol/staff';
import { openMemoryDatabase } from '../storage/memory';
import { migrate } from '../schema/runner';
import { bundledMigrations } from '../schema/loader';
import { createProcessor, type Processor } from '../runtime/processor';
import { handlers } from '../handlers/index';

/**
 * Sends `name` with `args` (a fresh request id unless given, and a manager's approval when given); resolves with
 * the result or rejects with `{ code, message, detail }`.
 */
export type Call = <K extends HandlerName>(name: K, args: ArgsOf<K>, requestId?: string, approval?: Approval) => Promise<ResultOf<K>>;

/** A migrated in-memory database and a `call` into the real processor over it. */
export async function posProcessor(): Promise<{ db: Database; call: Call; processor: Processor; signIn: { token: string | undefined } }> {
  const opened = await openMemoryDatabase();
  await migrate(opened.db, bundledMigrations, { appVersion: 'test' });
  const processor = createProcessor(
    { db: opened.db, live: null, backups: null, leaderId: 'test', appVersion: 'test', vfs: 'memory', fileName: ':memory:', notify: () => {} },
    handlers,
  );
  let nextId = 1;
  const signIn: { token: string | undefined } = { token: undefined };
  const call: Call = async (name, args, requestId = uuidv7(), approval) => {
    const response = await processor.handle({ type: 'request', id: nextId++, requestId, name, args, approval, signIn: signIn.token });
    if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code, detail: response.error.detail });
    if (name === 'staff.signIn') signIn.token = (response.result as { token: string }).token;
    if (name === 'staff.signOut') signIn.token = undefined;
    return response.result as never;
  };
  return { db: opened.db, call, processor, signIn };
}
