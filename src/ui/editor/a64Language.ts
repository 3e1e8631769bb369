/**
 * The A64 assembly language for Monaco: highlighting (mnemonics, registers, directives, labels,
 * numbers, strings, comments, relocation operators), completion of mnemonics and directives, and
 * hovers with each mnemonic's one-line description and the operand forms the assembler accepts.
 * Everything comes from the assembler itself (its form table and descriptions), so the editor
 * offers exactly what a64as assembles.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { DIRECTIVE_DESCRIPTIONS, describe } from '../../core/asm/assembler/descriptions';
import { formsOf, mnemonics } from '../../core/asm/assembler/instruction';

import { LANGUAGE_ID } from './languageId';

export { LANGUAGE_ID };

/** `add Rd|SP, Rn|SP, #imm{, lsl #12}` lines for a mnemonic (at most `limit`). */
export function operandForms(mnemonic: string, limit = 8): string[] {
  const forms = formsOf(mnemonic) ?? [];
  const lines = [...new Set(forms.map((f) => `${mnemonic} ${f.syntax}`.trim()))];
  return lines.length > limit ? [...lines.slice(0, limit), `… ${lines.length - limit} more forms`] : lines;
}

/** Markdown for a hover or completion item. */
export function mnemonicDoc(mnemonic: string): string {
  const text = describe(mnemonic) ?? 'An A64 instruction';
  const forms = operandForms(mnemonic);
  return `**${mnemonic}** — ${text}` + (forms.length ? `\n\n\`\`\`\n${forms.join('\n')}\n\`\`\`` : '');
}

const REGISTER = /^(?:[xw](?:[12]?\d|30)|sp|wsp|xzr|wzr|fp|lr|ip[01]|[bhsdqv](?:[12]?\d|3[01]))$/i;

/** Registers the language once per Monaco instance. */
export function registerA64(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === LANGUAGE_ID)) return;
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.s', '.S', '.asm'], aliases: ['A64 assembly', 'aarch64'] });
  const ops = mnemonics();
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [
      ['[', ']'],
      ['{', '}'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    wordPattern: /(-?\d*\.\d\w*)|([^\s`~!@#%^&*()\-=+[{\]}\\|;:'",<>/?]+)/,
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, tokens(ops));

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      // mnemonics and directives only where a statement starts (after labels)
      const head = line.replace(/^\s*(?:(?:[A-Za-z_.$][\w.$]*|\d+):\s*)*/, '');
      const atStart = /^\.?[\w.]*$/.test(head);
      if (!atStart) return { suggestions: [] };
      const Kind = monaco.languages.CompletionItemKind;
      if (head.startsWith('.')) {
        const dotRange = { ...range, startColumn: Math.max(1, range.startColumn - (line.endsWith('.') || head.startsWith('.') ? 1 : 0)) };
        return {
          suggestions: Object.entries(DIRECTIVE_DESCRIPTIONS).map(([d, text]) => ({
            label: d,
            kind: Kind.Keyword,
            insertText: d,
            detail: text,
            range: dotRange,
            filterText: d,
          })),
        };
      }
      return {
        suggestions: ops.map((m) => ({
          label: m,
          kind: Kind.Function,
          insertText: m,
          detail: describe(m) ?? '',
          documentation: { value: mnemonicDoc(m) },
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const line = model.getLineContent(position.lineNumber);
      // the word under the cursor, with dots (b.eq, .section)
      let start = position.column - 1;
      let end = start;
      while (start > 0 && /[\w.$]/.test(line[start - 1]!)) start--;
      while (end < line.length && /[\w.$]/.test(line[end]!)) end++;
      const word = line.slice(start, end).toLowerCase();
      if (!word) return null;
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: start + 1, endColumn: end + 1 };
      if (word.startsWith('.') && DIRECTIVE_DESCRIPTIONS[word]) return { range, contents: [{ value: `**${word}** — ${DIRECTIVE_DESCRIPTIONS[word]}` }] };
      if (formsOf(word)) return { range, contents: [{ value: mnemonicDoc(word) }] };
      if (REGISTER.test(word)) return { range, contents: [{ value: registerDoc(word) }] };
      return null;
    },
  });
}

/** Monarch rules: comments, labels, directives, relocations, strings, registers, numbers, mnemonics. */
function tokens(ops: string[]): Monaco.languages.IMonarchLanguage {
  return {
    ignoreCase: true,
    mnemonics: ops,
    tokenizer: {
      root: [
        [/^#.*$/, 'comment'],
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/^\s*([A-Za-z_.$][\w.$]*|\d+)(:)/, ['type.identifier', 'delimiter']],
        [/\.[A-Za-z_][\w.]*/, 'keyword.directive'],
        [/:[a-z0-9_]+:/, 'keyword.operator'],
        [/"/, 'string', '@string'],
        [/'\\?./, 'string'],
        [/\b(?:[xw](?:[12]?\d|30)|sp|wsp|xzr|wzr|fp|lr|ip[01]|[bhsdq](?:[12]?\d|3[01]))\b/, 'variable.predefined'],
        [/\bv(?:[12]?\d|3[01])(?:\.(?:16b|8b|8h|4h|4s|2s|2d|1d|1q|2h|4b|[bhsdq]))?/, 'variable.predefined'],
        [/#?[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|\d+\.\d+(?:[eE][-+]?\d+)?|\d+)\b/, 'number'],
        [/\d+[bf]\b/, 'type.identifier'],
        [/[A-Za-z_$][\w.$]*/, { cases: { '@mnemonics': 'keyword', '@default': 'identifier' } }],
        [/[[\]{}()]/, '@brackets'],
        [/[,!]/, 'delimiter'],
      ],
      comment: [
        [/[^*/]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[*/]/, 'comment'],
      ],
      string: [
        [/[^\\"]+/, 'string'],
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
      ],
    },
  } as Monaco.languages.IMonarchLanguage;
}

function registerDoc(r: string): string {
  if (/^x\d+$/.test(r)) return `**${r}** — 64-bit general-purpose register${r === 'x29' ? ' (frame pointer)' : r === 'x30' ? ' (link register: return address)' : r === 'x8' ? ' (system call number)' : ''}`;
  if (/^w\d+$/.test(r)) return `**${r}** — the low 32 bits of x${r.slice(1)} (writing it zeroes the upper half)`;
  const named: Record<string, string> = {
    sp: 'the stack pointer (16-byte aligned when used to access memory)',
    wsp: 'the low 32 bits of the stack pointer',
    xzr: 'the zero register: reads as 0, writes are discarded',
    wzr: 'the 32-bit zero register',
    fp: 'x29, the frame pointer',
    lr: 'x30, the link register (return address)',
    ip0: 'x16, intra-procedure-call scratch register',
    ip1: 'x17, intra-procedure-call scratch register',
  };
  if (named[r]) return `**${r}** — ${named[r]}`;
  const size: Record<string, string> = { b: '8-bit', h: '16-bit', s: '32-bit (single)', d: '64-bit (double)', q: '128-bit' };
  if (/^v\d+$/.test(r)) return `**${r}** — 128-bit SIMD&FP register (write ${r}.4s, ${r}.16b, … for its lanes)`;
  return `**${r}** — the ${size[r[0]!]} view of SIMD&FP register v${r.slice(1)}`;
}
