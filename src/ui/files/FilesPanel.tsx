import { type DragEvent, type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { FileInfo } from '../../worker/protocol';
import type { EngineClient } from '../engine/client';
import { downloadBytes, formatSize, joinPath, uploadFiles } from './fileOps';
import './files.css';

/** The directory selected at first (the programs' home and default working directory). */
export const HOME_DIR = '/home/user';
const OPEN_AT_START = ['/', '/home', HOME_DIR];

interface Props {
  client: EngineClient;
  /** reports a failure (the page's error banner) */
  onError(message: string): void;
}

/**
 * The worker's in-memory filesystem as a tree. Directories are listed when opened and listed
 * again when the worker says files changed. Uploads and new folders go to the selected directory.
 */
export function FilesPanel({ client, onError }: Props) {
  const [listings, setListings] = useState<Map<string, FileInfo[]>>(new Map());
  const [open, setOpen] = useState<Set<string>>(() => new Set(OPEN_AT_START));
  const [selected, setSelected] = useState(HOME_DIR);
  const [naming, setNaming] = useState(false);
  const [folderName, setFolderName] = useState('');
  const [dragOver, setDragOver] = useState(false);
  const openRef = useRef(open);
  openRef.current = open;

  const fail = useCallback((e: unknown) => onError(e instanceof Error ? e.message : String(e)), [onError]);

  const list = useCallback(
    (dir: string) =>
      client.listDir(dir).then(
        (entries) => setListings((m) => new Map(m).set(dir, entries)),
        () =>
          // gone (deleted, or a run removed it): forget it
          setListings((m) => {
            const n = new Map(m);
            n.delete(dir);
            return n;
          }),
      ),
    [client],
  );

  const refresh = useCallback(() => {
    for (const dir of openRef.current) void list(dir);
  }, [list]);

  useEffect(() => {
    refresh();
    // the worker reports changes after runs and file operations; a paused program may have written some too
    let last = '';
    const offs = [
      client.on('fsChanged', refresh),
      client.on('state', ({ state }) => {
        if (state === 'paused' && last !== 'paused') refresh();
        last = state;
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client, refresh]);

  // the first time /home/user is listed, it is scrolled to the top of the tree: the files people
  // work with are there, not in /etc
  const tree = useRef<HTMLUListElement>(null);
  const scrolledHome = useRef(false);
  const homeListed = listings.has(HOME_DIR);
  useEffect(() => {
    if (!homeListed || scrolledHome.current) return;
    scrolledHome.current = true;
    const box = tree.current;
    const home = box?.querySelector<HTMLElement>(`[data-path="${HOME_DIR}"]`);
    if (box && home) box.scrollTop += home.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
  }, [homeListed]);

  const toggle = (dir: string) => {
    setSelected(dir);
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(dir) && dir !== '/') n.delete(dir);
      else {
        n.add(dir);
        void list(dir);
      }
      return n;
    });
  };

  const upload = (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    uploadFiles(client, selected, Array.from(files)).catch(fail);
  };

  const createFolder = () => {
    const name = folderName.trim();
    setNaming(false);
    setFolderName('');
    if (!name) return;
    const path = joinPath(selected, name);
    client.makeDir(path).then(() => setOpen((s) => new Set(s).add(path)), fail);
  };

  const download = (path: string) => {
    client.readFile(path).then((bytes) => downloadBytes(path.slice(path.lastIndexOf('/') + 1), bytes), fail);
  };

  const remove = (entry: FileInfo) => {
    const what = entry.kind === 'dir' ? `the folder ${entry.path} and everything in it` : entry.path;
    if (!window.confirm(`Delete ${what}?`)) return;
    client.remove(entry.path).catch(fail);
  };

  // files dropped on the panel are uploaded, whatever they are (the page runs ELF files dropped elsewhere)
  const dragging = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setDragOver(true);
  };
  const drop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    e.stopPropagation();
    setDragOver(false);
    upload(e.dataTransfer.files);
  };

  const nameKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') createFolder();
    else if (e.key === 'Escape') setNaming(false);
  };

  const renderDir = (dir: string, depth: number): ReactNode => {
    const entries = listings.get(dir);
    if (!entries) return null;
    if (entries.length === 0) return <li className="file-empty" style={{ paddingLeft: 8 + depth * 14 }}>empty</li>;
    return entries.map((entry) => {
      const isDir = entry.kind === 'dir';
      const isOpen = isDir && open.has(entry.path);
      return (
        <li key={entry.path}>
          <div
            className={`file-entry${selected === entry.path ? ' selected' : ''}`}
            data-testid="file-entry"
            data-path={entry.path}
            data-kind={entry.kind}
            style={{ paddingLeft: 8 + depth * 14 }}
          >
            {isDir ? (
              <button type="button" className="file-name" onClick={() => toggle(entry.path)} aria-expanded={isOpen}>
                <span className="file-caret">{isOpen ? '▾' : '▸'}</span>
                {entry.name}/
              </button>
            ) : (
              <span className="file-name" title={`${entry.path} · mode ${entry.mode.toString(8)}`}>
                <span className="file-caret" />
                {entry.name}
                {entry.kind === 'link' && ' →'}
              </span>
            )}
            {!isDir && <span className="file-size">{formatSize(entry.size)}</span>}
            <span className="file-actions">
              {entry.kind === 'file' && (
                <button type="button" className="file-action" data-testid="file-download" title={`Download ${entry.name}`} onClick={() => download(entry.path)}>
                  ↓
                </button>
              )}
              <button type="button" className="file-action" data-testid="file-delete" title={`Delete ${entry.name}`} onClick={() => remove(entry)}>
                ×
              </button>
            </span>
          </div>
          {isOpen && <ul className="file-tree">{renderDir(entry.path, depth + 1)}</ul>}
        </li>
      );
    });
  };

  return (
    <section
      className={`panel files-panel${dragOver ? ' drag-over' : ''}`}
      data-testid="files"
      aria-label="Files"
      onDragEnter={dragging}
      onDragOver={dragging}
      onDragLeave={() => setDragOver(false)}
      onDrop={drop}
    >
      <header className="panel-title">
        <h2>Files</h2>
        <span className="panel-meta" title="Files under /home/user are kept for your next visit (not the programs you run)">
          {selected}
        </span>
      </header>
      <div className="files-tools">
        <label className="btn files-btn">
          Upload…
          <input type="file" multiple data-testid="file-upload" className="visually-hidden" onChange={(e) => {
            upload(e.target.files);
            e.target.value = '';
          }} />
        </label>
        <button type="button" className="btn files-btn" data-testid="new-folder" onClick={() => setNaming(true)}>
          New folder
        </button>
        <button type="button" className="btn files-btn" onClick={refresh} title="List the open folders again">
          Refresh
        </button>
      </div>
      {naming && (
        <div className="files-naming">
          <input
            className="input mono"
            data-testid="new-folder-name"
            autoFocus
            placeholder={`name in ${selected}`}
            value={folderName}
            onChange={(e) => setFolderName(e.target.value)}
            onKeyDown={nameKey}
            onBlur={createFolder}
            aria-label="New folder name"
          />
        </div>
      )}
      <ul className="file-tree file-root mono" ref={tree}>
        <li>
          <div className={`file-entry${selected === '/' ? ' selected' : ''}`} data-path="/" style={{ paddingLeft: 8 }}>
            <button type="button" className="file-name" onClick={() => toggle('/')}>
              <span className="file-caret">▾</span>/
            </button>
          </div>
          <ul className="file-tree">{renderDir('/', 1)}</ul>
        </li>
      </ul>
      <p className="files-hint" title={`Drop files here to upload them to ${selected}. Files under ${HOME_DIR} are kept for your next visit (not the programs you run).`}>
        Drop files here to upload · {HOME_DIR} is kept
      </p>
    </section>
  );
}
