/** Colours of the charts, shared with the CSS (styles/tokens.css) where both draw the same thing. */

/** Quad classes 1–4: verbal and material cooperation (greens, blue), verbal and material conflict (orange, red). */
export const QUAD_COLORS: Record<number, string> = { 1: '#2e7d32', 2: '#1565c0', 3: '#e08a00', 4: '#c62828' };

/** Verbal classes draw dashed, material ones solid: a cue that does not rely on colour. */
export const QUAD_LINE: Record<number, 'dashed' | 'solid'> = { 1: 'dashed', 2: 'solid', 3: 'dashed', 4: 'solid' };

/** One colour per PLOVER type, in the order of `PLOVER_TYPES`. */
export const TYPE_COLORS = [
  '#0b5a6b', '#8a2c0d', '#2f6b1f', '#5a3d85', '#b5651d', '#1f77b4', '#9c2f6b', '#4f6d7a',
  '#7a6a00', '#006d5b', '#a63d40', '#3e4a89', '#6b4f2a', '#2a7f62', '#c0392b', '#5d5d5d',
];

export const MAP_COLORS = {
  land: '#e9e4d8',
  border: '#b9b1a0',
  sea: '#f4f7f8',
  marker: '#b3261e',
  markerBorder: '#ffffff',
  emphasis: '#d9cfb8',
};

export const INK = '#1d2733';
export const FONT_FAMILY = '"Noto Sans Arabic", Tahoma, sans-serif';
