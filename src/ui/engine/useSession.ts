import { useEffect, useState } from 'react';
import type { EngineState, ErrorKind, ExitReport } from '../../worker/protocol';
import type { EngineClient, LoadedProgram } from './client';

/** What the page shows of the engine's session, kept up to date from the client's reports. */
export interface SessionView {
  ready: boolean;
  program: LoadedProgram | null;
  state: EngineState;
  instructions: number;
  mips: number;
  exit: ExitReport | null;
  error: { message: string; kind: ErrorKind } | null;
  /** a message of the page's that is not an error (a dropped file that was uploaded, not run) */
  notice: string | null;
  /** counts runs started, so panels can tell a new run from the old one */
  runs: number;
}

const initial: SessionView = { ready: false, program: null, state: 'idle', instructions: 0, mips: 0, exit: null, error: null, notice: null, runs: 0 };

export interface SessionControls {
  dismissError(): void;
  /** Shows a message of the page's own (a file that could not be read) where engine errors go. */
  showError(message: string): void;
  showNotice(message: string): void;
  dismissNotice(): void;
}

export function useSession(client: EngineClient | null): [SessionView, SessionControls] {
  const [view, setView] = useState(initial);
  useEffect(() => {
    if (!client) return;
    const offs = [
      client.on('ready', () => setView((v) => ({ ...v, ready: true }))),
      client.on('loaded', (program) => setView((v) => ({ ...v, program, error: null, notice: null }))),
      client.on('started', () => setView((v) => ({ ...v, exit: null, error: null, notice: null, instructions: 0, mips: 0, runs: v.runs + 1 }))),
      client.on('state', (s) => setView((v) => ({ ...v, ...s }))),
      client.on('exit', (exit) => setView((v) => ({ ...v, exit }))),
      client.on('error', (message, kind) => setView((v) => ({ ...v, error: { message, kind }, notice: null }))),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);
  const [controls] = useState<SessionControls>(() => ({
    dismissError: () => setView((v) => ({ ...v, error: null })),
    showError: (message) => setView((v) => ({ ...v, error: { message, kind: 'request' }, notice: null })),
    showNotice: (notice) => setView((v) => ({ ...v, notice, error: null })),
    dismissNotice: () => setView((v) => ({ ...v, notice: null })),
  }));
  return [view, controls];
}
