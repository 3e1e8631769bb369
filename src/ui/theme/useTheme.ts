import { useCallback, useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';

const KEY = 'a64play-theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

/**
 * The colour theme: the system's (prefers-color-scheme), until people pick one with the toggle,
 * which is remembered. Applied as <html data-theme="...">, which the stylesheets key on.
 */
export function useTheme(): [Theme, () => void] {
  const [choice, setChoice] = useState<Theme | null>(stored);
  const [system, setSystem] = useState<Theme>(() => (media().matches ? 'dark' : 'light'));
  useEffect(() => {
    const m = media();
    const change = () => setSystem(m.matches ? 'dark' : 'light');
    m.addEventListener('change', change);
    return () => m.removeEventListener('change', change);
  }, []);
  const theme = choice ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setChoice(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered: fine
    }
  }, [theme]);
  return [theme, toggle];
}
