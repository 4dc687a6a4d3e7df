/**
 * Map clustering: located points gathered into cells of a square grid in
 * degrees, so a dense area shows one marker with a count instead of a pile.
 */

export interface Located {
  lat: number;
  lon: number;
}

export interface Cluster<T extends Located> extends Located {
  /** The points of the cell; the marker sits at their mean position. */
  members: T[];
}

/** Degrees of latitude and longitude per cell at zoom 1 (the whole world). */
export const WORLD_CELL_DEGREES = 4;

export function isLocated(p: { lat?: number | null; lon?: number | null }): p is Located {
  return typeof p.lat === 'number' && typeof p.lon === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lon)
    && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

/** The cell size for a map zoom factor: cells shrink as the map zooms in. */
export function cellDegreesAt(zoom: number): number {
  return WORLD_CELL_DEGREES / Math.max(zoom, 1);
}

/**
 * Groups points by grid cell. Points at exactly the same place always share a
 * cluster; clusters come out largest first.
 */
export function clusterPoints<T extends Located>(points: readonly T[], cellDegrees: number): Cluster<T>[] {
  const cells = new Map<string, T[]>();
  for (const p of points) {
    const key = cellDegrees > 0 ? `${Math.floor(p.lat / cellDegrees)}:${Math.floor(p.lon / cellDegrees)}` : `${p.lat}:${p.lon}`;
    const members = cells.get(key);
    if (members) members.push(p);
    else cells.set(key, [p]);
  }
  const clusters = [...cells.values()].map((members) => ({
    lat: mean(members.map((m) => m.lat)),
    lon: mean(members.map((m) => m.lon)),
    members,
  }));
  return clusters.sort((a, b) => b.members.length - a.members.length);
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
