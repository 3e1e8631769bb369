import { type ReactNode, useState } from 'react';
import type { RegisterSnapshot } from '../../worker/protocol';
import { flagsText, formatV, parseV, signedDecimal, toggleFlag, V_FORMATS, vValue, type VFormat } from './format';

interface Props {
  regs: RegisterSnapshot | null;
  /** the snapshot at the stop before, for highlighting what changed */
  prev: RegisterSnapshot | null;
  /** `main+0x10` for PC, when the program's symbols cover it */
  pcSymbol: string | null;
  editable: boolean;
  onSet: (name: string, value: string) => void;
  onError: (message: string) => void;
}

const FLAGS = [
  { name: 'N', what: 'negative' },
  { name: 'Z', what: 'zero' },
  { name: 'C', what: 'carry' },
  { name: 'V', what: 'overflow' },
];

const xName = (n: number) =>
  n === 29 || n === 30 ? (
    <>
      X{n}
      <span className="reg-alias">{n === 29 ? 'FP' : 'LR'}</span>
    </>
  ) : (
    `X${n}`
  );

/**
 * PC, SP and the NZCV flags first, then X0–X30, FPCR/FPSR, TPIDR_EL0 and V0–V31 (hex, integer
 * lanes or float lanes). While paused a click on a value edits it (V registers in the format
 * shown) and a click on a flag flips it.
 */
export function RegistersView({ regs, prev, pcSymbol, editable, onSet, onError }: Props) {
  const [vfmt, setVfmt] = useState<VFormat>('hex');
  const [editing, setEditing] = useState<string | null>(null);
  if (!regs) return <div className="debug-empty" data-testid="registers">Pause the program, or let it reach a breakpoint, to see its registers.</div>;

  /**
   * A register's row; `submit` turns the typed text into setRegister's value (null: it reported
   * an error), `extra` follows the value.
   */
  const row = (
    id: string,
    label: ReactNode,
    value: string,
    changed: boolean,
    editValue: string,
    title?: string,
    submit?: (text: string) => string | null,
    extra?: ReactNode,
  ) => (
    <div className={'reg-row' + (changed ? ' reg-changed' : '')} key={id}>
      <span className="reg-name">{label}</span>
      {editing === id ? (
        <input
          className="reg-edit mono"
          autoFocus
          defaultValue={editValue}
          spellCheck={false}
          aria-label={`new value of ${id.toUpperCase()}`}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              const v = submit ? submit(e.currentTarget.value) : e.currentTarget.value;
              if (v !== null) onSet(id, v);
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
      {extra}
    </div>
  );
  const hex64 = (id: string, label: ReactNode, cur: string, old: string | undefined) =>
    row(id, label, cur, old !== undefined && old !== cur, '0x' + cur, `${signedDecimal(cur)}${editable ? ' — click to edit' : ''}`);
  const hex32 = (id: string, label: string, cur: number, old: number | undefined) =>
    row(id, label, cur.toString(16).padStart(8, '0'), old !== undefined && old !== cur, '0x' + cur.toString(16));
  const pcChanged = prev !== null && prev.pc !== regs.pc;

  return (
    <div className="registers" data-testid="registers">
      <div className="reg-top">
        {row(
          'pc',
          'PC',
          regs.pc,
          pcChanged,
          '0x' + regs.pc,
          editable ? 'click to edit (a multiple of 4)' : undefined,
          undefined,
          pcSymbol && (
            <span className="reg-sym mono" data-testid="pc-symbol">
              &lt;{pcSymbol}&gt;
            </span>
          ),
        )}
        {hex64('sp', 'SP', regs.sp, prev?.sp)}
        <div className={'reg-row' + (prev !== null && prev.nzcv !== regs.nzcv ? ' reg-changed' : '')}>
          <span className="reg-name">NZCV</span>
          <span className="reg-flags" data-testid="reg-NZCV" aria-label={`flags ${flagsText(regs.nzcv)}`}>
            {FLAGS.map((f, i) => {
              const set = ((regs.nzcv >>> (31 - i)) & 1) === 1;
              return (
                <button
                  key={f.name}
                  type="button"
                  className={'reg-flag mono' + (set ? ' set' : '')}
                  data-testid={`flag-${f.name}`}
                  aria-pressed={set}
                  disabled={!editable}
                  title={`${f.name} (${f.what}) is ${set ? 'set' : 'clear'}${editable ? ': click to flip it' : ''}`}
                  onClick={() => onSet('nzcv', '0x' + toggleFlag(regs.nzcv, i).toString(16))}
                >
                  {set ? f.name : f.name.toLowerCase()}
                </button>
              );
            })}
          </span>
        </div>
      </div>
      <div className="reg-grid">{regs.x.map((v, n) => hex64(`x${n}`, xName(n), v, prev?.x[n]))}</div>
      <div className="reg-grid reg-system">
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
          const shown = formatV(cur, vfmt);
          return row(`v${n}`, `V${n}`, shown, changed, shown, editable ? `click to edit (as ${vfmt === 'hex' ? 'one hex number' : 'lanes'})` : undefined, (text) => {
            const bytes = parseV(text, vfmt, cur);
            if (typeof bytes === 'string') {
              onError(`V${n}: ${bytes}`);
              return null;
            }
            return vValue(bytes);
          });
        })}
      </div>
    </div>
  );
}
