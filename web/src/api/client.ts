/**
 * The HTTP API of `marsad serve` (CONTRACT.md), same origin. Errors come back
 * as `{error: {code, message}}` and are thrown as `ApiError`.
 */
import { formatQuery } from '../../../src/web/lib/routes.js';

export const API_BASE = '/api';
const TOKEN_KEY = 'marsad.token';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The write token (`MARSAD_API_TOKEN`) the user gave this session, if any. */
export function apiToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setApiToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // No storage: the token is not kept.
  }
}

export type Params = Readonly<Record<string, string | number | undefined | null>>;

/** `/api/events?actor=…` with empty parameters left out. */
export function apiUrl(path: string, params: Params = {}): string {
  const strings: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') strings[k] = String(v);
  return `${API_BASE}${path}${formatQuery(strings)}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http.${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body?.error?.code === 'string') code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(response.status, code, message);
}

export async function getJson<T = unknown>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** A write: JSON or raw text, with the bearer token when one was given. */
export async function send<T = unknown>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: string | Blob, contentType: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
  const token = apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(apiUrl(path), { method, headers, body });
  if (!response.ok) throw await errorOf(response);
  return { status: response.status, body: (await response.json()) as T };
}
