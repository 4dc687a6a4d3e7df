/** Reading dates given with an article (metadata, `--date`, JSON `date`) as ISO `YYYY-MM-DD`. */

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/;
const DMY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const YMD_SLASH = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A valid calendar day as `YYYY-MM-DD`, or null. */
export function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads ISO 8601 (with or without time), `DD/MM/YYYY`, `YYYY/MM/DD` and RFC 822
 * dates (RSS `pubDate`). Returns null for anything else.
 */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  let m = ISO.exec(s) ?? YMD_SLASH.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(s);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = RFC822.exec(s);
  if (m) {
    const month = MONTHS_EN.indexOf(m[2].toLowerCase()) + 1;
    if (month > 0) return ymd(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
