import { type ReactNode, useState } from 'react';
import type { RegisterSnapshot } from '../../worker/protocol';
import { flagsText, formatV, signedDecimal, V_FORMATS, type VFormat } from './format';

interface Props {
  regs: RegisterSnapshot | null;
  /** the snapshot at the stop before, for highlighting what changed */
  prev: RegisterSnapshot | null;
  editable: boolean;
  onSet: (name: string, value: string) => void;
}

const xName = (n: number) =>
  n === 29 || n === 30 ? (
    <>
      X{n}
      <span className="reg-alias">{n === 29 ? 'FP' : 'LR'}</span>
    </>
  ) : (
    `X${n}`
  );

/** X0–X30, SP, PC, NZCV, FPCR/FPSR, TPIDR_EL0 and V0–V31; click a value to edit it while paused. */
export function RegistersView({ regs, prev, editable, onSet }: Props) {
  const [vfmt, setVfmt] = useState<VFormat>('hex');
  const [editing, setEditing] = useState<string | null>(null);
  if (!regs) return <div className="debug-empty" data-testid="registers">Pause the program to see its registers.</div>;

  const row = (id: string, label: ReactNode, value: string, changed: boolean, editValue: string, title?: string) => (
    <div className={'reg-row' + (changed ? ' reg-changed' : '')} key={id}>
      <span className="reg-name">{label}</span>
      {editing === id ? (
        <input
          className="reg-edit mono"
          autoFocus
          defaultValue={editValue}
          aria-label={`new value of ${id.toUpperCase()}`}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              onSet(id, e.currentTarget.value);
              setEditing(null);
            } else if (e.key === 'Escape') setEditing(null);
          }}
          onBlur={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          className="reg-value mono"
          data-testid={`reg-${id.toUpperCase()}`}
          title={title ?? (editable ? 'click to edit' : undefined)}
          disabled={!editable}
          onClick={() => setEditing(id)}
        >
          {value}
        </button>
      )}
    </div>
  );
  const hex64 = (id: string, label: ReactNode, cur: string, old: string | undefined) =>
    row(id, label, cur, old !== undefined && old !== cur, '0x' + cur, `${signedDecimal(cur)}${editable ? ' — click to edit' : ''}`);
  const hex32 = (id: string, label: string, cur: number, old: number | undefined) =>
    row(id, label, cur.toString(16).padStart(8, '0'), old !== undefined && old !== cur, '0x' + cur.toString(16));

  return (
    <div className="registers" data-testid="registers">
      <div className="reg-grid">
        {regs.x.map((v, n) => hex64(`x${n}`, xName(n), v, prev?.x[n]))}
        {hex64('sp', 'SP', regs.sp, prev?.sp)}
        {hex64('pc', 'PC', regs.pc, prev?.pc)}
        {row('nzcv', 'NZCV', flagsText(regs.nzcv), prev !== null && prev.nzcv !== regs.nzcv, '0x' + regs.nzcv.toString(16), 'flags: upper case when set')}
        {hex32('fpcr', 'FPCR', regs.fpcr, prev?.fpcr)}
        {hex32('fpsr', 'FPSR', regs.fpsr, prev?.fpsr)}
        {hex64('tpidr', 'TPIDR_EL0', regs.tpidr, prev?.tpidr)}
      </div>
      <div className="reg-vhead">
        <span>V registers</span>
        <select value={vfmt} onChange={(e) => setVfmt(e.target.value as VFormat)} aria-label="V register format" data-testid="vreg-format">
          {V_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="reg-vlist">
        {Array.from({ length: 32 }, (_, n) => {
          const cur = regs.v.subarray(16 * n, 16 * n + 16);
          const old = prev?.v.subarray(16 * n, 16 * n + 16);
          const changed = old !== undefined && old.some((b, i) => b !== cur[i]);
          const hexValue = formatV(cur, 'hex');
          return row(`v${n}`, `V${n}`, formatV(cur, vfmt), changed, hexValue);
        })}
      </div>
    </div>
  );
}
