import { describe, expect, it } from 'vitest';
import type { EngineToUi, UiToEngine } from '../../worker/protocol';
import { EngineClient, type WorkerLike } from './client';

/** A stand-in for the engine's worker: records requests, lets the test send reports. */
function fakeWorker() {
  const sent: { msg: UiToEngine; transfer: Transferable[] }[] = [];
  const handlers: ((e: MessageEvent) => void)[] = [];
  const worker: WorkerLike = {
    postMessage: (msg, transfer) => void sent.push({ msg: msg as UiToEngine, transfer }),
    addEventListener: (type: string, fn: (e: never) => void) => {
      if (type === 'message') handlers.push(fn as (e: MessageEvent) => void);
    },
    terminate: () => {},
  };
  const report = (msg: EngineToUi) => handlers.forEach((h) => h({ data: msg } as MessageEvent));
  return { worker, sent, report };
}

describe('EngineClient', () => {
  it('sends typed requests, handing the program bytes over', () => {
    const w = fakeWorker();
    const c = new EngineClient(w.worker);
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46]);
    c.load('hello', bytes, { args: ['a'], env: ['X=1'], cwd: '/tmp' });
    c.input('é');
    c.input('');
    c.resize(30, 100);
    c.stop();
    expect(w.sent.map((s) => s.msg.type)).toEqual(['load', 'input', 'resize', 'stop']);
    expect(w.sent[0]!.msg).toMatchObject({ name: 'hello', args: ['a'], env: ['X=1'], cwd: '/tmp', autorun: true });
    expect(w.sent[0]!.transfer).toEqual([bytes.buffer]);
    expect(w.sent[1]!.msg).toEqual({ type: 'input', bytes: new Uint8Array([0xc3, 0xa9]) });
    expect(w.sent[2]!.msg).toEqual({ type: 'resize', rows: 30, cols: 100 });
  });

  it('delivers reports to subscribers until they unsubscribe', () => {
    const w = fakeWorker();
    const c = new EngineClient(w.worker);
    const seen: string[] = [];
    const off = c.on('exit', (e) => seen.push(e.message));
    c.on('error', (m, kind) => seen.push(`${kind}: ${m}`));
    w.report({ type: 'exit', status: 0, code: 0, signal: null, core: false, message: 'exited with status 0' });
    w.report({ type: 'error', kind: 'format', message: 'x: not an ELF executable' });
    off();
    w.report({ type: 'exit', status: 1, code: 1, signal: null, core: false, message: 'exited with status 1' });
    expect(seen).toEqual(['exited with status 0', 'format: x: not an ELF executable']);
  });

  it('acknowledges output once every listener has shown it, or at once without listeners', () => {
    const w = fakeWorker();
    const c = new EngineClient(w.worker);
    w.report({ type: 'output', bytes: new Uint8Array(5) });
    expect(w.sent.map((s) => s.msg)).toEqual([{ type: 'outputAck', bytes: 5 }]);
    const pending: (() => void)[] = [];
    c.on('output', (_b, shown) => pending.push(shown));
    c.on('output', (_b, shown) => pending.push(shown));
    w.report({ type: 'output', bytes: new Uint8Array(7) });
    expect(w.sent).toHaveLength(1);
    pending[0]!();
    pending[0]!(); // twice counts once
    expect(w.sent).toHaveLength(1);
    pending[1]!();
    expect(w.sent.at(-1)!.msg).toEqual({ type: 'outputAck', bytes: 7 });
  });
});
