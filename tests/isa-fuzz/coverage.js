// The coverage table: how often each encoding-table entry ran, and why the others did not.

/**
 * Entries that should have run but did not: active (implemented, not excluded, selected) with a
 * count of zero, in the union over runs.
 * @param {{coverage: {name: string, status: string, count: number}[]}[]} results
 */
export function unexercised(results) {
  const total = new Map();
  const active = new Set();
  for (const r of results)
    for (const e of r.coverage) {
      total.set(e.name, (total.get(e.name) ?? 0) + e.count);
      if (e.status === 'active') active.add(e.name);
    }
  return [...active].filter((n) => total.get(n) === 0);
}

/** Why an active entry with no runs got none. */
function zeroReason(e) {
  if (e.tries === 0) return 'never picked (raise --count)';
  if (e.valid === 0) return `never produced a valid encoding (${e.tries} random words, none decoded to it and was accepted by its handler)`;
  return 'generated but never placed in a block';
}

/**
 * @param {{name: string, mnemonic: string, status: string, reason: string, count: number, tries: number, valid: number, rejected: number}[]} coverage
 * @param {'full' | 'missing'} mode
 */
export function coverageText(coverage, mode = 'full') {
  const lines = [];
  const active = coverage.filter((e) => e.status === 'active');
  const hit = active.filter((e) => e.count > 0);
  const implemented = coverage.filter((e) => e.status !== 'todo');
  lines.push(
    `coverage: ${hit.length} of ${active.length} selected entries exercised ` +
      `(${implemented.length} implemented, ${coverage.length} in the table)`,
  );
  const rejected = coverage.filter((e) => e.rejected > 0);
  if (rejected.length)
    lines.push(
      `  and ${rejected.reduce((n, e) => n + e.rejected, 0)} words that ${rejected.length} entries' handlers reject ` +
        '(UNDEFINED in a64play), checked to raise SIGILL under qemu too',
    );
  if (mode === 'full') {
    const cells = hit.map((e) => `${e.name} ${e.count}`);
    const width = Math.max(...cells.map((s) => s.length), 10) + 2;
    const perLine = Math.max(1, Math.floor(110 / width));
    for (let i = 0; i < cells.length; i += perLine) lines.push('  ' + cells.slice(i, i + perLine).map((s) => s.padEnd(width)).join('').trimEnd());
  }
  const missing = coverage.filter((e) => e.count === 0 && e.status !== 'filtered');
  if (missing.length) {
    lines.push('not exercised:');
    const byReason = new Map();
    for (const e of missing) {
      const why = e.status === 'active' ? zeroReason(e) : e.reason;
      if (!byReason.has(why)) byReason.set(why, []);
      byReason.get(why).push(e.name);
    }
    for (const [why, names] of byReason) {
      lines.push(`  ${why}:`);
      for (let i = 0; i < names.length; i += 8) lines.push(`    ${names.slice(i, i + 8).join(' ')}`);
    }
  }
  return lines.join('\n');
}
