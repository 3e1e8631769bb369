/**
 * For the worker's tests: a Session driven as the page drives it, its reports collected, output
 * acknowledged at once, and helpers to wait for reports and to ask the debugger.
 */
import type { EngineToUi, UiToEngine } from './protocol.js';
import { Session } from './session.js';

export function openSession() {
  const reports: EngineToUi[] = [];
  let session!: Session;
  session = new Session(
    (m) => {
      reports.push(m);
      if (m.type === 'output') queueMicrotask(() => session.handle({ type: 'outputAck', bytes: m.bytes.length }));
    },
    (fn) => setImmediate(fn),
  );
  const send = (m: UiToEngine) => session.handle(m);
  /** all the terminal output so far, as text */
  const text = () => new TextDecoder().decode(concat(reports.flatMap((r) => (r.type === 'output' ? [r.bytes] : []))));
  const until = async (pred: () => boolean, ms = 20_000) => {
    for (const t0 = Date.now(); !pred(); ) {
      if (Date.now() - t0 > ms) throw new Error('timed out; reports: ' + JSON.stringify(reports.map((r) => r.type)));
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const of = <T extends EngineToUi['type']>(type: T) => reports.filter((r): r is Extract<EngineToUi, { type: T }> => r.type === type);
  let nextId = 1;
  /** a debugger request and its reply's value (a failed reply throws its message) */
  const ask = async <T>(m: Record<string, unknown> & { type: string }): Promise<T> => {
    const id = nextId++;
    send({ ...m, id } as UiToEngine);
    await until(() => reports.some((r) => r.type === 'reply' && r.id === id));
    const r = reports.find((r) => r.type === 'reply' && r.id === id) as Extract<EngineToUi, { type: 'reply' }>;
    if (!r.ok) throw new Error(r.message);
    return r.value as T;
  };
  const stops = () => of('stopped');
  return { session, send, reports, text, until, of, ask, stops };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
