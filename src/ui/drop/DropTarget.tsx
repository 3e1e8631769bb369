import './drop.css';

/**
 * The page-wide drop target, shown while a file is dragged over the page. It stays in the DOM
 * (hidden) otherwise, so a drop event sent to it straight away still reaches the page's handler.
 */
export function DropTarget({ active }: { active: boolean }) {
  return (
    <div className={active ? 'drop-target active' : 'drop-target'} data-testid="drop-target" aria-hidden={!active}>
      <div className="drop-card">
        <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
          <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p className="drop-title">Drop to run</p>
        <p className="drop-sub">an AArch64 Linux executable (ELF) or #! script; other files are uploaded to /home/user</p>
      </div>
    </div>
  );
}
