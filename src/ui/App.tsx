import { useCallback, useMemo, useState } from 'react';
import { ConsolePanel } from './console/ConsolePanel';
import { DebugPanel } from './debug/DebugPanel';
import { useBreakpoints } from './debug/useBreakpoints';
import { EditorBar } from './editor/EditorBar';
import { EditorPanel } from './editor/EditorPanel';
import { useAsmEditor } from './editor/useAsmEditor';
import { SideArea } from './debug/SideArea';
import { DropTarget } from './drop/DropTarget';
import { useFileDrop } from './drop/useFileDrop';
import { FilesPanel, HOME_DIR } from './files/FilesPanel';
import { isRunnable, uploadFiles } from './files/fileOps';
import { requestOpenAddress } from './trace/openAddress';
import { TracePanel } from './trace/TracePanel';
import { useTrace } from './trace/useTrace';
import { SHORT_WINDOW, useMediaQuery } from './layout/useMediaQuery';
import type { EngineClient } from './engine/client';
import { useSession } from './engine/useSession';
import { Header } from './header/Header';
import { ErrorBanner } from './notice/ErrorBanner';
import { IsolationNotice } from './notice/IsolationNotice';
import { ExamplesGallery } from './examples/ExamplesGallery';
import { SharePanel } from './share/SharePanel';
import { usePrograms } from './share/usePrograms';
import { DEFAULT_CWD, DEFAULT_ENV, parseEnv, splitArgs } from './runbar/args';
import { RunBar } from './runbar/RunBar';
import { RunSettings } from './settings/RunSettings';
import { StatusBar } from './status/StatusBar';
import { useTheme } from './theme/useTheme';
import './app.css';

/** The playground page. `client` is null when the page cannot run the engine (not cross-origin isolated). */
export function App({ client }: { client: EngineClient | null }) {
  const [theme, toggleTheme] = useTheme();
  const [view, session] = useSession(client);
  const [argsText, setArgsText] = useState('');
  const [envText, setEnvText] = useState(DEFAULT_ENV);
  const [cwd, setCwd] = useState(DEFAULT_CWD);
  const args = useMemo(() => splitArgs(argsText), [argsText]);
  const env = useMemo(() => parseEnv(envText), [envText]);
  const config = useCallback(() => ({ args: args.value, env: env.value, cwd: cwd.trim() || DEFAULT_CWD }), [args, env, cwd]);
  const fields = useMemo(() => ({ setArgs: setArgsText, setEnv: setEnvText, setCwd }), []);
  const bp = useBreakpoints(client, session.showError);
  const asm = useAsmEditor(client, session, bp);
  // a source from a link opens in the editor; in ?embed=1, where there is no editor, it is
  // assembled and loaded so that Run runs it
  const openSource = useCallback(
    (name: string, text: string, embed: boolean) => {
      asm.open(name, text);
      if (embed) void asm.run(config(), false, { name, source: text });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [asm.open, asm.run, config],
  );
  const programs = usePrograms(client, session, fields, openSource);
  /** the starter the editor's file came from (for Revert) */
  const [starter, setStarter] = useState<Parameters<typeof asm.openStarter>[0] | null>(null);

  const openFile = useCallback(
    (file: File) => {
      if (!client) return;
      file.arrayBuffer().then(
        (buffer) => {
          programs.fileOpened(file.name, new Uint8Array(buffer));
          client.load(file.name, new Uint8Array(buffer), config(), true);
        },
        (e: unknown) => session.showError(`${file.name}: the file could not be read (${e instanceof Error ? e.message : String(e)})`),
      );
    },
    [client, config, session, programs.fileOpened],
  );
  // a file dropped on the page runs when it is a program (ELF or #! script); other files are uploaded to the files panel
  const dropFile = useCallback(
    (file: File) => {
      if (!client) return;
      file.slice(0, 4).arrayBuffer().then(
        (head) => {
          if (isRunnable(new Uint8Array(head))) openFile(file);
          else
            uploadFiles(client, HOME_DIR, [file]).then(
              ([path]) => session.showNotice(`${file.name} is not a program (neither ELF nor #! script): it was uploaded to ${path}, see Files.`),
              (e: unknown) => session.showError(e instanceof Error ? e.message : String(e)),
            );
        },
        () => openFile(file),
      );
    },
    [client, openFile, session],
  );
  const dragging = useFileDrop(dropFile, client !== null);
  const trace = useTrace(client);
  const [traceOn, setTraceOn] = useState(true);
  const traceSwitch = useCallback(
    (on: boolean) => {
      setTraceOn(on);
      client?.traceSyscalls(on);
    },
    [client],
  );
  // a short window: the trace and the files become tabs of the right column (see SHORT_WINDOW)
  const shortWindow = useMediaQuery(SHORT_WINDOW);
  const editorOpen = asm.doc !== null && !programs.embed;
  // with the editor open, the trace and files also move into the right column's tabs: the editor
  // and the console take the workspace's height
  const short = shortWindow || editorOpen;

  const live = view.state === 'running' || view.state === 'paused';
  const tracePanel = client && <TracePanel trace={trace} enabled={traceOn} onEnabled={traceSwitch} onOpenAddress={requestOpenAddress} />;
  const filesPanel = client && <FilesPanel client={client} onError={session.showError} />;
  // Run: the editor's program is assembled again (edits take effect) when it is the one loaded or
  // nothing is; any other program on screen (an example, a dropped file) runs as it is
  const run = () => {
    if (editorOpen && (asm.live || !view.program)) void asm.run(config());
    else if (client && view.program && !live) client.run(config());
  };
  // what Share links to: the editor's source while it is open (one object per text, so the panel
  // does not remake its link on every render)
  const docName = asm.doc?.name;
  const docText = asm.doc?.source;
  const shareOrigin = useMemo(
    () => (editorOpen && docName !== undefined && docText !== undefined ? { kind: 'source' as const, name: docName, text: docText } : programs.origin),
    [editorOpen, docName, docText, programs.origin],
  );
  const consolePanel = client && <ConsolePanel client={client} theme={theme} empty={view.runs === 0} />;

  return (
    <div className={programs.embed ? 'app app-embed' : 'app'}>
      {!programs.embed && (
        <Header theme={theme} onToggleTheme={toggleTheme} onOpen={openFile} canOpen={client !== null}>
          <ExamplesGallery
            onChoose={(example) => {
              asm.close();
              void programs.runExample(example);
            }}
            onStarter={(s) => {
              setStarter(s);
              void asm.openStarter(s);
            }}
            disabled={client === null}
            source={!editorOpen && programs.origin?.kind === 'example' ? programs.origin.source : undefined}
          />
          {!editorOpen && (
            <button type="button" className="btn" data-testid="asm-open" disabled={client === null} onClick={() => asm.newFile()} title="Write A64 assembly in an editor, assemble and run it">
              Assembly
            </button>
          )}
          <SharePanel
            origin={shareOrigin} args={argsText} env={envText} cwd={cwd} stdin={programs.stdin} onStdin={programs.setStdin} />
        </Header>
      )}
      {client ? (
        <>
          <RunBar
            program={view.program}
            state={view.state}
            onRun={run}
            canRun={editorOpen}
            onPause={() => client.pause()}
            onResume={() => client.resume()}
            onStop={() => client.stop()}
            onRestart={() => client.restart(config())}
          />
          {view.error && <ErrorBanner message={view.error.message} onDismiss={session.dismissError} />}
          {view.notice && <ErrorBanner info message={view.notice} onDismiss={session.dismissNotice} />}
          <main className={programs.embed ? 'workspace' : short ? 'workspace with-debug short' : 'workspace with-debug'}>
            {editorOpen && asm.doc ? (
              <div className="code-column">
                <EditorPanel
                  source={asm.doc.source}
                  revision={asm.doc.revision}
                  onSource={asm.edit}
                  diagnostics={asm.result?.diagnostics ?? []}
                  currentLine={asm.currentLine}
                  breakpointLines={asm.breakpointLines}
                  onToggleBreakpoint={asm.toggleBreakpoint}
                  onRun={run}
                  theme={theme}
                  autoFocus
                  bar={
                    <EditorBar
                      name={asm.doc.name}
                      diagnostics={asm.result?.diagnostics ?? []}
                      checked={asm.result !== null}
                      running={live}
                      onRun={run}
                      onDownload={() => void asm.download()}
                      onRevert={starter && asm.doc.name === starter.source.slice(starter.source.lastIndexOf('/') + 1) ? () => void asm.revert(starter) : undefined}
                      onNew={asm.newFile}
                      onClose={asm.close}
                    />
                  }
                />
                {consolePanel}
              </div>
            ) : (
              consolePanel
            )}
            {!programs.embed && (
              <SideArea
                client={client}
                settings={
                  <RunSettings
                    args={argsText}
                    env={envText}
                    cwd={cwd}
                    argsError={args.error}
                    envError={env.error}
                    onArgs={setArgsText}
                    onEnv={setEnvText}
                    onCwd={setCwd}
                    onSubmit={run}
                  />
                }
                debug={<DebugPanel client={client} state={view.state} onError={session.showError} bp={bp} />}
                extra={
                  short
                    ? [
                        { id: 'trace', label: 'Syscalls', node: tracePanel },
                        { id: 'files', label: 'Files', node: filesPanel },
                      ]
                    : []
                }
              />
            )}
            {!programs.embed && !short && (
              <div className="inspect-row">
                {tracePanel}
                {filesPanel}
              </div>
            )}
          </main>
          <StatusBar view={view} />
          <DropTarget active={dragging} />
        </>
      ) : (
        <main className="workspace workspace-notice">
          <IsolationNotice />
        </main>
      )}
    </div>
  );
}
