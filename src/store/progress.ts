/**
 * A one-line progress display for long ingests: items, rate and (when the
 * amount of input is known) percentage and ETA, redrawn in place on a terminal
 * (stderr), silent otherwise.
 */

/** Least time between two redraws. */
const REDRAW_MS = 200;
const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_HOUR = 60;

/** 75 → "1m15s", 4000 → "1h06m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < SECONDS_PER_MINUTE) return `${s}s`;
  const m = Math.floor(s / SECONDS_PER_MINUTE);
  if (m < MINUTES_PER_HOUR) return `${m}m${String(s % SECONDS_PER_MINUTE).padStart(2, '0')}s`;
  return `${Math.floor(m / MINUTES_PER_HOUR)}h${String(m % MINUTES_PER_HOUR).padStart(2, '0')}m`;
}

/** The progress line of one run. */
export class ProgressLine {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled: boolean = !!process.stderr.isTTY,
  ) {}

  /** Redraws (at most every REDRAW_MS): `done` items, and `fraction` of the work when known. */
  update(done: number, detail: string, fraction?: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < REDRAW_MS) return;
    this.last = now;
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    let line = `${done} articles · ${rate.toFixed(1)}/s · ${detail}`;
    if (fraction !== undefined && fraction > 0 && fraction <= 1) {
      const eta = (elapsed / fraction) * (1 - fraction);
      line = `${(fraction * 100).toFixed(0).padStart(3)}% ${line} · ETA ${formatDuration(eta)}`;
    }
    const width = this.stream.columns ? this.stream.columns - 1 : line.length;
    this.stream.write(`\r${line.slice(0, width).padEnd(Math.min(width, line.length))}\x1b[K`);
    this.shown = true;
  }

  /** Clears the line, so the summary starts on a clean one. */
  done(): void {
    if (this.enabled && this.shown) this.stream.write('\r\x1b[K');
  }
}
