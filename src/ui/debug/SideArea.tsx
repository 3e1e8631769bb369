import { type ReactNode, useEffect, useState } from 'react';
import type { EngineClient } from '../engine/client';
import { onOpenAddressRequest } from '../trace/openAddress';

/** A panel that may take a tab of the right column (the trace and files in a short window). */
export interface SideTab {
  id: string;
  label: string;
  node: ReactNode;
}

/**
 * The workspace's right column: the run settings, the debugger, and any `extra` panels, one at
 * a time (all stay mounted, so each keeps its state). The debugger comes forward whenever the
 * program stops for it.
 */
export function SideArea({ client, settings, debug, extra = [] }: { client: EngineClient; settings: ReactNode; debug: ReactNode; extra?: SideTab[] }) {
  const [side, setSide] = useState('settings');
  useEffect(() => client.on('stopped', () => setSide('debugger')), [client]);
  useEffect(() => onOpenAddressRequest(() => setSide('debugger')), []);
  // a tab that went away (the window grew) leaves its place to the settings
  const tabs: SideTab[] = [{ id: 'settings', label: 'Run settings', node: settings }, { id: 'debugger', label: 'Debugger', node: debug }, ...extra];
  const shown = tabs.some((t) => t.id === side) ? side : 'settings';
  return (
    <div className="side-area">
      <div className="side-tabs" role="tablist" aria-label="side panels">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={shown === t.id}
            className={shown === t.id ? 'active' : ''}
            data-testid={`side-${t.id}`}
            onClick={() => setSide(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} className="side-body" hidden={shown !== t.id}>
          {t.node}
        </div>
      ))}
    </div>
  );
}
