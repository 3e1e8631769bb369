import { type ReactNode, useEffect, useState } from 'react';
import type { EngineClient } from '../engine/client';
import { onOpenAddressRequest } from '../trace/openAddress';

type Side = 'settings' | 'debugger';

/**
 * The workspace's right column: the run settings or the debugger, one at a time (both stay
 * mounted, so each keeps its state). The debugger comes forward whenever the program stops for it.
 */
export function SideArea({ client, settings, debug }: { client: EngineClient; settings: ReactNode; debug: ReactNode }) {
  const [side, setSide] = useState<Side>('settings');
  useEffect(() => client.on('stopped', () => setSide('debugger')), [client]);
  useEffect(() => onOpenAddressRequest(() => setSide('debugger')), []);
  const tab = (id: Side, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={side === id}
      className={side === id ? 'active' : ''}
      data-testid={`side-${id}`}
      onClick={() => setSide(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="side-area">
      <div className="side-tabs" role="tablist" aria-label="side panels">
        {tab('settings', 'Run settings')}
        {tab('debugger', 'Debugger')}
      </div>
      <div className="side-body" hidden={side !== 'settings'}>
        {settings}
      </div>
      <div className="side-body" hidden={side !== 'debugger'}>
        {debug}
      </div>
    </div>
  );
}
