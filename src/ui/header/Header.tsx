import { useRef, type ReactNode } from 'react';
import { ChipIcon, MoonIcon, OpenIcon, SunIcon } from '../icons';
import type { Theme } from '../theme/useTheme';
import './header.css';

interface Props {
  theme: Theme;
  onToggleTheme(): void;
  /** a file was chosen with Open… */
  onOpen(file: File): void;
  canOpen: boolean;
  /** more actions (Examples, Share), before Open… */
  children?: ReactNode;
}

export function Header({ theme, onToggleTheme, onOpen, canOpen, children }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <header className="app-header">
      <div className="brand">
        <ChipIcon />
        <span className="brand-name">a64play</span>
        <span className="brand-tag">AArch64 Linux playground</span>
      </div>
      <div className="header-actions">
        {children}
        <button type="button" className="btn btn-primary" disabled={!canOpen} onClick={() => input.current?.click()}>
          <OpenIcon />
          Open…
        </button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          data-testid="open-file"
          aria-label="Open an AArch64 program"
          tabIndex={-1}
          disabled={!canOpen}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // cleared, so choosing the same file again runs it again
            e.currentTarget.value = '';
            if (file) onOpen(file);
          }}
        />
        <button
          type="button"
          className="btn btn-icon"
          onClick={onToggleTheme}
          aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
      </div>
    </header>
  );
}
