import type { EngineClient } from '../engine/client';

export const joinPath = (dir: string, name: string) => (dir === '/' ? '/' + name : dir + '/' + name);

/** Writes the files into `dir` of the worker's filesystem (one after the other); returns their paths. */
export async function uploadFiles(client: EngineClient, dir: string, files: File[]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file.name.split(/[/\\]/).pop() || 'upload';
    const path = joinPath(dir, name);
    await client.writeFile(path, bytes);
    paths.push(path);
  }
  return paths;
}

/** Saves bytes as a download named `name`. */
export function downloadBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** An ELF file or a #! script: something the page runs rather than uploads. */
export function isRunnable(head: Uint8Array): boolean {
  return (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) || (head[0] === 0x23 && head[1] === 0x21);
}
