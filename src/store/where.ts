/**
 * A WHERE clause built from optional filters. Every value goes into `params`;
 * the SQL text only ever holds fixed fragments written in this folder.
 */
import type { SqlValue } from './db.js';
import { likeEscape } from './db.js';

/** Results a page holds when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** Most results one page may hold. */
export const MAX_PAGE_SIZE = 1000;

/** Conditions joined with AND, with their parameters in order. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  /** Adds a condition with its parameters, in order. */
  add(sql: string, ...params: SqlValue[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** A copy that more conditions can be added to. */
  clone(): Where {
    const w = new Where();
    w.parts.push(...this.parts);
    w.params.push(...this.params);
    return w;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p})`).join(' AND ')}` : '';
  }
}

/** `%text%` for a LIKE … ESCAPE '\' that matches `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${likeEscape(text)}%`;
}

/** `text%` for a LIKE … ESCAPE '\' that matches values starting with `text` literally. */
export function prefixPattern(text: string): string {
  return `${likeEscape(text)}%`;
}

/** A page request, clamped to sane values. */
export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** The limit and offset of a page request, clamped to 1…MAX_PAGE_SIZE and ≥ 0. */
export function pageOf(r: PageRequest): { limit: number; offset: number } {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(r.limit ?? DEFAULT_PAGE_SIZE)));
  const offset = Math.max(0, Math.floor(r.offset ?? 0));
  return { limit, offset };
}

/** A non-empty trimmed string, or undefined. */
export function given(s: string | null | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}
