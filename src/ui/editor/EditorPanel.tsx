import { type ReactNode, useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../core/asm/assembler/assemble';
import { LANGUAGE_ID } from './languageId';
import { loadMonaco } from './monaco';
import './editor.css';

interface Props {
  source: string;
  /** changes when `source` was set from outside (a file opened, reverted, a link): the editor takes it */
  revision: number;
  onSource: (text: string) => void;
  /** the assembler's errors and warnings for `source` */
  diagnostics: Diagnostic[];
  /** the source line of the paused program's PC, or null */
  currentLine: number | null;
  /** lines with a breakpoint */
  breakpointLines: ReadonlySet<number>;
  onToggleBreakpoint: (line: number) => void;
  /** Assemble & Run (also Ctrl+Enter in the editor) */
  onRun: () => void;
  theme: 'light' | 'dark';
  /** focus the editor once it is ready */
  autoFocus?: boolean;
  /** the toolbar above the text */
  bar?: ReactNode;
}

/**
 * The A64 assembly editor (Monaco, loaded on first show): squiggles for the assembler's messages
 * while typing, breakpoints in the gutter, the current line of a paused program highlighted.
 */
export function EditorPanel({ source, revision, onSource, diagnostics, currentLine, breakpointLines, onToggleBreakpoint, onRun, theme, autoFocus, bar }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<typeof Monaco | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  // the latest callbacks, for Monaco's listeners made once
  const latest = useRef({ onSource, onToggleBreakpoint, onRun });
  latest.current = { onSource, onToggleBreakpoint, onRun };

  useEffect(() => {
    let alive = true;
    loadMonaco().then(
      (m) => alive && setMonaco(m),
      (e: unknown) => alive && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  // the editor, made once Monaco is here
  useEffect(() => {
    if (!monaco || !host.current) return;
    const ed = monaco.editor.create(host.current, {
      value: source,
      language: LANGUAGE_ID,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      automaticLayout: true,
      glyphMargin: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 8,
      insertSpaces: true,
      renderWhitespace: 'none',
      fixedOverflowWidgets: true,
      // completion offers mnemonics and directives (a64Language.ts), not every word of the file;
      // Enter takes a suggestion only when it changes the text, so typing a known word and Enter
      // still starts a new line
      wordBasedSuggestions: 'off',
      acceptSuggestionOnEnter: 'smart',
      ariaLabel: 'A64 assembly source',
    });
    editor.current = ed;
    decorations.current = ed.createDecorationsCollection();
    const subs = [
      ed.onDidChangeModelContent(() => latest.current.onSource(ed.getValue())),
      ed.onMouseDown((e) => {
        const t = e.target;
        if (t.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || t.type === monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS) {
          if (t.position) latest.current.onToggleBreakpoint(t.position.lineNumber);
        }
      }),
    ];
    ed.addAction({
      id: 'a64play.run',
      label: 'Assemble and run',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onRun(),
    });
    ed.addAction({
      id: 'a64play.breakpoint',
      label: 'Toggle breakpoint',
      keybindings: [monaco.KeyCode.F9],
      run: () => {
        const p = ed.getPosition();
        if (p) latest.current.onToggleBreakpoint(p.lineNumber);
      },
    });
    if (autoFocus) ed.focus();
    return () => {
      subs.forEach((s) => s.dispose());
      ed.dispose();
      editor.current = null;
    };
    // created once per Monaco; source and theme follow in the effects below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco]);

  // text set from outside (an example, a share link) replaces the model's. The editor owns the
  // text otherwise: what is typed comes back as `source` later, maybe after more keys were
  // pressed, and must not be written back.
  useEffect(() => {
    const ed = editor.current;
    if (ed && ed.getValue() !== source) ed.setValue(source);
    // only a new revision, not every `source`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision, monaco]);

  useEffect(() => {
    monaco?.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme, monaco]);

  // the assembler's messages as squiggles
  useEffect(() => {
    const ed = editor.current;
    const model = ed?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'a64as',
      diagnostics
        .filter((d) => d.line <= model.getLineCount())
        .map((d) => {
          const text = model.getLineContent(d.line);
          // underline the token at the column (to the next blank, comma or bracket)
          let end = d.col;
          while (end <= text.length && !/[\s,\]}]/.test(text[end - 1]!)) end++;
          return {
            severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: d.message,
            startLineNumber: d.line,
            startColumn: d.col,
            endLineNumber: d.line,
            endColumn: Math.max(end, d.col + 1),
          };
        }),
    );
  }, [diagnostics, monaco, source]);

  // breakpoints in the gutter and the current line
  useEffect(() => {
    const ed = editor.current;
    if (!monaco || !ed || !decorations.current) return;
    const list: Monaco.editor.IModelDeltaDecoration[] = [...breakpointLines].map((line) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: { glyphMarginClassName: 'a64-breakpoint', glyphMarginHoverMessage: { value: 'Breakpoint (click to remove)' }, stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges },
    }));
    if (currentLine !== null) {
      list.push({
        range: new monaco.Range(currentLine, 1, currentLine, 1),
        options: { isWholeLine: true, className: 'a64-current-line', glyphMarginClassName: breakpointLines.has(currentLine) ? 'a64-breakpoint a64-current-arrow' : 'a64-current-arrow' },
      });
      ed.revealLineInCenterIfOutsideViewport(currentLine);
    }
    decorations.current.set(list);
  }, [breakpointLines, currentLine, monaco]);

  return (
    <section
      className="panel editor-panel"
      aria-label="Assembly editor"
      data-current-line={currentLine ?? ''}
      data-breakpoint-lines={[...breakpointLines].sort((a, b) => a - b).join(',')}
    >
      {bar}
      <div ref={host} className="editor-host" data-testid="asm-editor" />
      {!monaco && <div className="editor-loading">{failed ? `The editor could not be loaded: ${failed}` : 'Loading the editor…'}</div>}
    </section>
  );
}
