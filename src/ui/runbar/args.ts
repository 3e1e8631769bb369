/**
 * The run settings as people type them: arguments in one line split the way a POSIX shell splits
 * words (quotes and backslashes, no expansions), the environment as KEY=VALUE lines.
 */

export interface Parsed<T> {
  value: T;
  /** what is wrong with the text (the value is still the best reading of it), or null */
  error: string | null;
}

const SPACE = /[ \t\n\r]/;

/**
 * Splits a command line into words: blanks separate words; '...' keeps everything literally;
 * "..." keeps everything but lets \ escape " \ $ ` and a newline; \ outside quotes takes the next
 * character literally. "" and '' make an empty word.
 */
export function splitArgs(text: string): Parsed<string[]> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let error: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === '\\') {
      if (i + 1 < text.length) word += text[++i];
      else error = 'a backslash at the end escapes nothing';
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        error = "unterminated ' quote";
        word += text.slice(i + 1);
        i = text.length;
      } else {
        word += text.slice(i + 1, end);
        i = end;
      }
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) word += text[++j];
        else word += text[j];
      }
      if (j >= text.length) error = 'unterminated " quote';
      i = j;
    } else word += c;
  }
  if (inWord) words.push(word);
  return { value: words, error };
}

/** Quotes words so that splitArgs gives them back (plain words stay as they are). */
export function joinArgs(words: string[]): string {
  return words.map((w) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** KEY=VALUE lines; blank lines and lines starting with # are skipped. */
export function parseEnv(text: string): Parsed<string[]> {
  const env: string[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq < 0 ? '' : line.slice(0, eq).trim();
    if (!name || /\s/.test(name)) bad.push(i + 1);
    else env.push(`${name}=${line.slice(eq + 1)}`);
  });
  const error = bad.length ? `line${bad.length > 1 ? 's' : ''} ${bad.join(', ')}: expected KEY=VALUE` : null;
  return { value: env, error };
}

/** What the guest gets unless people change it. */
export const DEFAULT_ENV = ['HOME=/home/user', 'USER=user', 'PATH=/home/user:/usr/local/bin:/usr/bin:/bin', 'TERM=xterm-256color', 'LANG=C.UTF-8'].join('\n');
export const DEFAULT_CWD = '/home/user';
