/**
 * The syscall trace on its way to the page: the kernel's `trace` option hands over -strace text
 * (whole lines, each ending with a newline); lines gather here between flushes and go out as one
 * `syscalls` report per time slice. A slice that produces more than MAX_TRACE_LINES keeps only
 * the newest and counts the rest as dropped (the page keeps the same cap overall).
 */
export const MAX_TRACE_LINES = 20_000;

export class TraceBuffer {
  private lines: string[] = [];
  private dropped = 0;

  /** The kernel's trace callback (a chunk may hold several lines). */
  readonly sink = (text: string): void => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) {
        if (start < text.length) this.lines.push(text.slice(start));
        break;
      }
      this.lines.push(text.slice(start, nl));
      start = nl + 1;
    }
    if (this.lines.length > 2 * MAX_TRACE_LINES) this.trim();
  };

  private trim(): void {
    const extra = this.lines.length - MAX_TRACE_LINES;
    if (extra <= 0) return;
    this.lines = this.lines.slice(extra);
    this.dropped += extra;
  }

  /** The lines gathered since the last take (at most MAX_TRACE_LINES) and how many were dropped. */
  take(): { lines: string[]; dropped: number } | null {
    if (this.lines.length === 0 && this.dropped === 0) return null;
    this.trim();
    const out = { lines: this.lines, dropped: this.dropped };
    this.lines = [];
    this.dropped = 0;
    return out;
  }

  clear(): void {
    this.lines = [];
    this.dropped = 0;
  }
}
