/**
 * The Web Worker that hosts the engine. It only wires the worker's message port to a Session:
 * requests in (protocol.ts's UiToEngine), reports out (EngineToUi). Nothing may escape as an
 * uncaught error: whatever goes wrong becomes a one-line `error` report.
 */
import type { EngineToUi, UiToEngine } from './protocol.js';
import { PROTOCOL_VERSION } from './protocol.js';
import { HOME, Session } from './session.js';
import { loadSaved, persistentEntries, restoreEntries, saver } from './persist.js';

/** The parts of DedicatedWorkerGlobalScope used here (the project's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(msg: EngineToUi, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<UiToEngine>) => void) | null;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', fn: (e: PromiseRejectionEvent) => void): void;
  crossOriginIsolated?: boolean;
}

const scope = self as unknown as WorkerScope;
const post = (msg: EngineToUi, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []);

function fatal(message: string): void {
  post({ type: 'error', kind: 'internal', message: `a64play internal error: ${message.split('\n')[0]}` });
}

scope.addEventListener('error', (e) => {
  e.preventDefault();
  fatal(e.message || 'unknown error in the engine worker');
});
scope.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  fatal(e.reason instanceof Error ? e.reason.message : String(e.reason));
});

let session: Session | null = null;
try {
  if (typeof SharedArrayBuffer === 'undefined')
    throw new Error('SharedArrayBuffer is unavailable: the page is not cross-origin isolated (COOP/COEP headers)');
  session = new Session(post);
} catch (e) {
  fatal(e instanceof Error ? e.message : String(e));
}

/**
 * The user's files from the last visit are put back before any request is handled (requests that
 * arrive meanwhile wait), then every change is saved again (persist.ts).
 */
let waiting: UiToEngine[] | null = [];
const handle = (msg: UiToEngine) => {
  if (session) session.handle(msg);
  else fatal('the engine could not start');
};

scope.onmessage = (e) => {
  if (waiting) waiting.push(e.data);
  else handle(e.data);
};

async function restoreFiles(s: Session): Promise<void> {
  try {
    const saved = await loadSaved();
    if (saved) restoreEntries(s.fs, saved);
  } catch (e) {
    console.warn('a64play: saved files could not be restored', e);
  }
  const save = saver(
    () => persistentEntries(s.fs, HOME, s.programPaths).snapshot,
    (message) => post({ type: 'error', kind: 'internal', message }),
  );
  s.filesChanged = () => save.changed();
}

void (session ? restoreFiles(session) : Promise.resolve()).finally(() => {
  const queued = waiting ?? [];
  waiting = null;
  post({ type: 'ready', protocol: PROTOCOL_VERSION });
  if (session) post({ type: 'fsChanged' });
  for (const msg of queued) handle(msg);
});
