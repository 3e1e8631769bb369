import { useCallback, useMemo, useState } from 'react';
import type { BreakpointInfo } from '../../worker/protocol';
import type { EngineClient } from '../engine/client';
import { debugApi } from './debugApi';

/** The page's breakpoints: one list, kept by the worker, shared by the debugger and the editor. */
export interface Breakpoints {
  list: BreakpointInfo[];
  /** replaces the whole set (symbols are resolved by the worker) */
  update(addresses: number[], symbols?: string[]): Promise<void>;
  toggle(address: number): Promise<void>;
}

export function useBreakpoints(client: EngineClient | null, onError: (message: string) => void): Breakpoints {
  const [list, setList] = useState<BreakpointInfo[]>([]);
  const api = useMemo(() => (client ? debugApi(client) : null), [client]);
  const update = useCallback(
    async (addresses: number[], symbols: string[] = []) => {
      if (!api) return;
      try {
        setList(await api.setBreakpoints(addresses, symbols));
      } catch (e) {
        onError(e instanceof Error ? e.message : String(e));
      }
    },
    [api, onError],
  );
  const toggle = useCallback(
    (address: number) => {
      const current = list.map((b) => b.address);
      return update(current.includes(address) ? current.filter((a) => a !== address) : [...current, address]);
    },
    [list, update],
  );
  return useMemo(() => ({ list, update, toggle }), [list, update, toggle]);
}
