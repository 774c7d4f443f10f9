/**
 * The leader election as a pure state machine: what a worker is (waiting, opening, leading, following, failed,
 * retired), how each event changes that, and what the worker must then do. No I/O happens here, so every
 * hand-over, step-down and recovery case is a plain function call in a unit test; `leader.ts` carries out the
 * effects (the lock, the bus, the database).
 */
import type { WireError, WorkerStatus } from '../../protocol/envelope';
import { compareVersions } from '../../../lib/version';

/** Where one worker stands. */
export type NodeState =
  /** Has asked for the lock and knows no leader yet: this tab's calls wait. */
  | { name: 'waiting' }
  /** Holds the lock and is opening (and migrating) the database. */
  | { name: 'opening' }
  /** Holds the database. With a failure it is in recovery: it answers only the recovery calls. */
  | { name: 'leading'; failure: WireError | null }
  /** Forwards its tab's calls to `leaderId`; `failure` when that leader is in recovery. */
  | { name: 'following'; leaderId: string; failure: WireError | null }
  /** Holds the lock but could not open the database: every call is answered with `error`. */
  | { name: 'failed'; error: WireError }
  /** Another tab runs a newer version: this worker has let go of everything and serves no one. */
  | { name: 'retired'; otherVersion: string };

/** What happens to a worker. */
export type NodeEvent =
  | { type: 'lock-granted' }
  /** The browser refused the lock itself (site storage blocked): open directly, which then says why it fails. */
  | { type: 'lock-refused' }
  /** There are no Web Locks: nobody is elected; this worker opens the database for its own tab only. */
  | { type: 'no-locks' }
  | { type: 'opened'; failure: WireError | null }
  | { type: 'open-failed'; error: WireError }
  /** The session in recovery became usable (a restore worked), or the reverse. */
  | { type: 'health'; failure: WireError | null }
  /** Another worker announced that it leads. */
  | { type: 'leader'; leaderId: string; appVersion: string; failure: WireError | null }
  /** A worker starting up asks who leads. */
  | { type: 'who-leads'; appVersion: string }
  /** A newer worker asks this one to let go of the database. */
  | { type: 'step-down'; appVersion: string };

/** What the worker must do after a transition, in order. */
export type NodeEffect =
  | { type: 'open' }
  /** Tell the other workers this worker's state (leader ready or failed). */
  | { type: 'announce' }
  /** Ask an older leader to let go. */
  | { type: 'ask-step-down' }
  /** Close the database, release the lock, and answer nothing from now on. */
  | { type: 'let-go' }
  /** Send every unanswered call of this tab again, to wherever it goes now. */
  | { type: 'resend' };

/** Where a call from this tab goes in a state. */
export type Route = { to: 'self' } | { to: 'leader'; leaderId: string } | { to: 'error'; error: WireError } | { to: 'hold' } | { to: 'drop' };

/** The worker's identity, fixed for its life. */
export interface NodeIdentity {
  workerId: string;
  appVersion: string;
}

/** The start state. */
export const initialState: NodeState = { name: 'waiting' };

const stay = (state: NodeState): { state: NodeState; effects: NodeEffect[] } => ({ state, effects: [] });

/** Holds the lock (or opens without one): the states in which no other leader can be followed. */
const holdsDatabase = (state: NodeState): boolean => state.name === 'opening' || state.name === 'leading' || state.name === 'failed';

/** The pure transition: the next state and the effects to carry out. */
export function transition(state: NodeState, event: NodeEvent, self: NodeIdentity): { state: NodeState; effects: NodeEffect[] } {
  if (state.name === 'retired') return stay(state);
  switch (event.type) {
    case 'lock-granted':
    case 'no-locks':
      return { state: { name: 'opening' }, effects: [{ type: 'open' }] };
    case 'lock-refused':
      // Only a worker that has not started opening opens after a refusal; it never waits forever.
      return state.name === 'waiting' ? { state: { name: 'opening' }, effects: [{ type: 'open' }] } : stay(state);
    case 'opened':
      if (state.name !== 'opening') return stay(state);
      return { state: { name: 'leading', failure: event.failure }, effects: [{ type: 'announce' }, { type: 'resend' }] };
    case 'open-failed':
      if (state.name !== 'opening') return stay(state);
      return { state: { name: 'failed', error: event.error }, effects: [{ type: 'announce' }, { type: 'resend' }] };
    case 'health':
      if (state.name !== 'leading') return stay(state);
      return { state: { name: 'leading', failure: event.failure }, effects: [{ type: 'announce' }] };
    case 'who-leads': {
      if (state.name !== 'leading' && state.name !== 'failed') return stay(state);
      // A newer tab is starting: let go of the database so that it can open (and migrate) it.
      if (compareVersions(event.appVersion, self.appVersion) > 0) return retire(event.appVersion);
      return { state, effects: [{ type: 'announce' }] };
    }
    case 'step-down':
      if (state.name !== 'leading' || compareVersions(event.appVersion, self.appVersion) <= 0) return stay(state);
      return retire(event.appVersion);
    case 'leader': {
      // Only the lock holder announces; a worker that holds the database itself needs no other leader.
      if (event.leaderId === self.workerId || holdsDatabase(state)) return stay(state);
      const order = compareVersions(event.appVersion, self.appVersion);
      if (order > 0) return retire(event.appVersion);
      // An older leader: ask it to let go; this worker's lock request then succeeds.
      if (order < 0) return { state, effects: [{ type: 'ask-step-down' }] };
      return { state: { name: 'following', leaderId: event.leaderId, failure: event.failure }, effects: [{ type: 'resend' }] };
    }
  }
}

function retire(otherVersion: string): { state: NodeState; effects: NodeEffect[] } {
  return { state: { name: 'retired', otherVersion }, effects: [{ type: 'let-go' }] };
}

/** Where this tab's calls go in `state`. A leader in recovery still answers: its processor refuses all but recovery calls. */
export function routeOf(state: NodeState): Route {
  switch (state.name) {
    case 'leading':
      return { to: 'self' };
    case 'following':
      return { to: 'leader', leaderId: state.leaderId };
    case 'failed':
      return { to: 'error', error: state.error };
    case 'retired':
      return { to: 'drop' };
    default:
      return { to: 'hold' };
  }
}

/** What this tab's UI is told about the state (a leader's `progress` while opening is told separately). */
export function statusOf(state: NodeState, self: NodeIdentity): WorkerStatus {
  switch (state.name) {
    case 'waiting':
      return { state: 'starting', detail: 'Looking for the window that holds the database' };
    case 'opening':
      return { state: 'starting', detail: 'Opening the database' };
    case 'leading':
      return state.failure
        ? { state: 'failed', error: state.failure }
        : { state: 'ready', role: 'leader', leaderId: self.workerId, workerId: self.workerId };
    case 'following':
      return state.failure
        ? { state: 'failed', error: state.failure }
        : { state: 'ready', role: 'follower', leaderId: state.leaderId, workerId: self.workerId };
    case 'failed':
      return { state: 'failed', error: state.error };
    case 'retired':
      return { state: 'outdated', otherVersion: state.otherVersion };
  }
}
