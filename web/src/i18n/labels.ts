/**
 * Names of entity types and PLOVER event types in both languages. The Arabic
 * ones are the project's own (src/output/labels.ts), shared with the reports.
 */
import { PLOVER_LABELS, TYPE_LABELS } from '../../../src/output/labels.js';
import type { Lang } from './locale.js';

export const PLOVER_TYPES = Object.keys(PLOVER_LABELS);

const PLOVER_EN: Record<string, string> = Object.fromEntries(
  PLOVER_TYPES.map((type) => [type, type.charAt(0) + type.slice(1).toLowerCase()]),
);

const TYPE_EN: Record<string, string> = {
  PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other', DATE: 'Date', TITLE: 'Title',
};

/** Entity and mention types the reader draws, in legend order. */
export const MENTION_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TITLE'] as const;

export function ploverLabel(type: string, lang: Lang): string {
  return (lang === 'ar' ? PLOVER_LABELS[type] : PLOVER_EN[type]) ?? type;
}

export function typeLabel(type: string, lang: Lang): string {
  return (lang === 'ar' ? TYPE_LABELS[type] : TYPE_EN[type]) ?? type;
}
