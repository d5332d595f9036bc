// The warnings and errors a server process logged (pino JSON lines, LOG_LEVEL=warn), grouped,
// so a bench run shows what went wrong on the servers' side beside its figures.

/** Distinct `msg` (with `code` / `err.message` when present) of the lines at warn or above, with counts. */
export function summarizeServerWarnings(output: string): string[] {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: number; msg?: string; code?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    const key = [entry.msg, entry.code, entry.err?.message].filter(Boolean).join(' — ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} × ${key}`);
}
