import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineState, RegisterSnapshot } from '../../worker/protocol';
import type { EngineClient } from '../engine/client';
import { registersFrom, stateWords } from '../../worker/shared-state';
import { onOpenAddressRequest } from '../trace/openAddress';
import { addrText, debugApi } from './debugApi';
import { DisasmView } from './DisasmView';
import { MemoryView } from './MemoryView';
import { RegistersView } from './RegistersView';
import type { Breakpoints } from './useBreakpoints';
import './debug.css';

type Tab = 'registers' | 'memory' | 'disasm';
const TABS: { id: Tab; label: string }[] = [
  { id: 'disasm', label: 'Disassembly' },
  { id: 'registers', label: 'Registers' },
  { id: 'memory', label: 'Memory' },
];

interface Props {
  client: EngineClient;
  state: EngineState;
  onError: (message: string) => void;
  /** the page's breakpoints (shared with the assembly editor's gutter) */
  bp: Breakpoints;
}

/**
 * The debugger: stepping controls with their shortcuts, where the program stopped, and the
 * registers, memory and disassembly views. Registers are read from the run's shared memory
 * (worker/shared-state.ts) at every stop; the rest is asked of the worker.
 */
export function DebugPanel({ client, state, onError, bp }: Props) {
  const api = useMemo(() => debugApi(client), [client]);
  const [tab, setTab] = useState<Tab>('disasm');
  const [regs, setRegs] = useState<RegisterSnapshot | null>(null);
  const [prev, setPrev] = useState<RegisterSnapshot | null>(null);
  const [pc, setPc] = useState<number | null>(null);
  const [pcSymbol, setPcSymbol] = useState<string | null>(null);
  const [stopSeq, setStopSeq] = useState(0);
  const [reason, setReason] = useState<string | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [jump, setJump] = useState<{ address: number; seq: number } | null>(null);
  const paused = state === 'paused';
  /** the current run's shared memory and the thread the last stop reported */
  const live = useRef<{ state: SharedArrayBuffer | null; tid: number }>({ state: null, tid: 0 });
  const regsRef = useRef<RegisterSnapshot | null>(null);
  const fail = useCallback((e: unknown) => onError(e instanceof Error ? e.message : String(e)), [onError]);
  const readRegisters = () => (live.current.state ? registersFrom(stateWords(live.current.state), live.current.tid) : null);

  useEffect(() => {
    const offs = [
      client.on('stopped', (s) => {
        setPc(s.pc);
        setPcSymbol(s.symbol);
        setReason(s.reason);
        setStopSeq((n) => n + 1);
        live.current.tid = s.tid;
        const r = readRegisters();
        setPrev(regsRef.current);
        regsRef.current = r;
        setRegs(r);
      }),
      client.on('started', (run) => {
        live.current = { state: run.state, tid: 0 };
        regsRef.current = null;
        setRegs(null);
        setPrev(null);
        setPc(null);
        setPcSymbol(null);
        setReason(null);
      }),
    ];
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  // "open in the memory view" (the syscall trace's pointer arguments)
  useEffect(
    () =>
      onOpenAddressRequest((address) => {
        setTab('memory');
        setJump((j) => ({ address, seq: (j?.seq ?? 0) + 1 }));
      }),
    [],
  );

  const cmd = useCallback(
    (what: 'step' | 'stepOver' | 'stepOut' | 'continue' | 'runTo') => {
      if (!paused) return;
      if (what === 'continue') client.resume();
      else if (what === 'runTo') {
        if (cursor !== null) client.debugCommand({ type: 'runTo', address: cursor });
      } else client.debugCommand({ type: what });
    },
    [client, paused, cursor],
  );

  // the debuggers' keys: F5 continue, F10 step over, F11 step into, Shift+F11 step out (only while
  // paused, so F5 still reloads and F11 still goes full screen otherwise)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!paused) return;
      let what: Parameters<typeof cmd>[0] | null = null;
      if (e.key === 'F5') what = 'continue';
      else if (e.key === 'F10') what = 'stepOver';
      else if (e.key === 'F11') what = e.shiftKey ? 'stepOut' : 'step';
      if (!what) return;
      e.preventDefault();
      e.stopPropagation();
      cmd(what);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [cmd, paused]);

  const breakpoints = bp.list;
  const updateBreakpoints = bp.update;
  const current = breakpoints.map((b) => b.address);
  const toggle = (a: number) => void bp.toggle(a);
  const addNamed = (name: string) => {
    if (/^(0x[0-9a-f]+|\d+)$/i.test(name)) return void updateBreakpoints([...current, Number(name)]);
    void updateBreakpoints(current, [name]);
  };

  // the worker checks and writes the value; the page reads it back from shared memory
  const setRegister = (name: string, value: string) =>
    api.setRegister(name, value).then(() => {
      const r = readRegisters();
      regsRef.current = r;
      setRegs(r);
      if (name === 'pc' && r) {
        const to = parseInt(r.pc, 16);
        setPc(to);
        api.disassemble(to, 0, 1).then((l) => setPcSymbol(l[0]?.symbol ?? null), () => setPcSymbol(null));
      }
    }, fail);

  const shown = paused ? { regs, pc } : { regs: null, pc: null };

  return (
    <section className="panel debug-panel" aria-label="debugger">
      <div className="debug-toolbar" role="toolbar" aria-label="stepping">
        <button type="button" data-testid="continue" disabled={!paused} onClick={() => cmd('continue')} title="Continue (F5)">
          Continue <kbd>F5</kbd>
        </button>
        <button type="button" data-testid="step-over" disabled={!paused} onClick={() => cmd('stepOver')} title="Step over calls (F10)">
          Over <kbd>F10</kbd>
        </button>
        <button type="button" data-testid="step" disabled={!paused} onClick={() => cmd('step')} title="Step one instruction (F11)">
          Step <kbd>F11</kbd>
        </button>
        <button type="button" data-testid="step-out" disabled={!paused} onClick={() => cmd('stepOut')} title="Step out of the function (Shift+F11)">
          Out <kbd>⇧F11</kbd>
        </button>
        <button
          type="button"
          data-testid="run-to-cursor"
          disabled={!paused || cursor === null}
          onClick={() => cmd('runTo')}
          title="Continue to the line picked in the disassembly"
        >
          To cursor
        </button>
      </div>
      <div className={`debug-where${paused ? ' paused' : ''}`}>
        <span className="debug-status mono" data-testid="debug-status">
          {paused && pc !== null
            ? `paused (${reason}) at ${addrText(pc)}`
            : paused || state === 'running'
              ? state
              : 'not running'}
        </span>
        {paused && pcSymbol && <span className="debug-where-sym mono">&lt;{pcSymbol}&gt;</span>}
        {paused && regs && (
          <span className="debug-where-tid" data-testid="debug-thread" title="the thread the registers, memory and stepping are of (the one that ran last)">
            thread {regs.tid}
          </span>
        )}
      </div>
      <div className="debug-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="debug-body">
        {tab === 'registers' && (
          <RegistersView
            regs={shown.regs}
            prev={prev}
            pcSymbol={paused ? pcSymbol : null}
            editable={paused}
            onSet={(n, v) => void setRegister(n, v)}
            onError={onError}
          />
        )}
        {tab === 'memory' && <MemoryView api={api} regs={shown.regs} editable={paused} stopSeq={stopSeq} onError={onError} jump={jump} />}
        {tab === 'disasm' && (
          <DisasmView
            api={api}
            pc={shown.pc}
            stopSeq={stopSeq}
            breakpoints={breakpoints}
            onToggle={toggle}
            onSymbol={addNamed}
            onRemove={(a) => void updateBreakpoints(current.filter((x) => x !== a))}
            cursor={cursor}
            onCursor={setCursor}
          />
        )}
      </div>
    </section>
  );
}
