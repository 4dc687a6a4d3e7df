/**
 * The CAMEO code table (`data/events/cameo.tsv`): names, PLOVER types, quad classes
 * and Goldstein values of every CAMEO 1.1b3 code.
 */
import { readFileSync } from 'node:fs';
import { eventDataPath } from './paths.js';
import { PLOVER_TYPES, type CameoInfo, type PloverType, type QuadClass } from './types.js';

export { PLOVER_TYPES };
export type { CameoInfo, PloverType };

const PLOVER_SET: ReadonlySet<string> = new Set(PLOVER_TYPES);
const NO_PLOVER = '-';
const ROOT_LENGTH = 2;

let table: Map<string, CameoInfo> | undefined;

/** Parses the TSV text of the code table (comment lines start with `#`, one header line). */
export function parseCameoTable(tsv: string): Map<string, CameoInfo> {
  const out = new Map<string, CameoInfo>();
  let header = true;
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (header) { header = false; continue; }
    const [code, name, plover, quad, goldstein] = line.split('\t');
    if (plover !== NO_PLOVER && !PLOVER_SET.has(plover)) throw new Error(`cameo.tsv: unknown PLOVER type ${plover} for ${code}`);
    out.set(code, {
      code,
      name,
      plover: plover === NO_PLOVER ? null : (plover as PloverType),
      quadClass: Number(quad) as QuadClass,
      goldstein: Number(goldstein),
      root: code.slice(0, ROOT_LENGTH),
    });
  }
  return out;
}

/** All codes of the table, read once from `data/events/cameo.tsv`. */
export function cameoTable(): ReadonlyMap<string, CameoInfo> {
  table ??= parseCameoTable(readFileSync(eventDataPath('cameo.tsv'), 'utf8'));
  return table;
}

/** The table row of a CAMEO code ("043", "1823", "19"), or undefined for an unknown code. */
export function cameoInfo(code: string): CameoInfo | undefined {
  return cameoTable().get(code);
}

/** The PLOVER type of a CAMEO code, or null when the code is no PLOVER event or is unknown. */
export function ploverOf(code: string): PloverType | null {
  return cameoInfo(code)?.plover ?? null;
}

/** Whether `code` is a code of the table. */
export function isCameoCode(code: string): boolean {
  return cameoTable().has(code);
}
