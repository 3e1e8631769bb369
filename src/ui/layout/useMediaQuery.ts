import { useEffect, useState } from 'react';

/** Whether a CSS media query matches, kept up to date as the window changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}

/**
 * A short window (a laptop on a projector, or a browser zoomed to 125%): the syscall trace and
 * the files move from the row under the console into the right column's tabs, so the console and
 * the debugger keep their height. Matches app.css's media query of the same name.
 */
export const SHORT_WINDOW = '(max-height: 660px) and (min-width: 901px)';
