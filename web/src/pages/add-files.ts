/**
 * Files chosen for upload to the bodies of `POST /api/articles`: one article
 * per text or HTML file (sent as bytes, so the server detects the encoding),
 * per JSON object, or per JSONL line.
 */
import type { ArticleBody } from '../api/endpoints.js';

export interface Upload {
  /** File name, with the line for JSONL. */
  label: string;
  body: ArticleBody;
}

export type JsonArticle = { text: string; title?: string; date?: string; url?: string };

const HTML_FILE = /\.x?html?$/i;
const JSON_FILE = /\.json$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;

function isArticle(v: unknown): v is JsonArticle {
  return typeof v === 'object' && v !== null && typeof (v as JsonArticle).text === 'string';
}

function jsonArticle(v: unknown): JsonArticle {
  if (!isArticle(v)) throw new Error('want an object with "text"');
  const { text, title, date, url } = v;
  return { text, title, date, url };
}

/** The uploads of one file; a JSON line that is not an article is reported, the rest go on. */
export type Unreadable = { label: string; error: string };

export async function uploadsOf(file: File): Promise<(Upload | Unreadable)[]> {
  if (JSONL_FILE.test(file.name)) {
    const lines = (await file.text()).split('\n');
    return lines.flatMap((line, i): (Upload | Unreadable)[] => {
      if (!line.trim()) return [];
      const label = `${file.name}:${i + 1}`;
      try {
        return [{ label, body: { kind: 'json' as const, article: jsonArticle(JSON.parse(line)) } }];
      } catch (e) {
        return [{ label, error: (e as Error).message }];
      }
    });
  }
  if (JSON_FILE.test(file.name)) {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      const list = Array.isArray(parsed) ? parsed : [parsed];
      return list.map((v, i) => ({ label: list.length > 1 ? `${file.name}[${i}]` : file.name, body: { kind: 'json' as const, article: jsonArticle(v) } }));
    } catch (e) {
      return [{ label: file.name, error: (e as Error).message }];
    }
  }
  const contentType: 'text/html' | 'text/plain' = HTML_FILE.test(file.name) || file.type === 'text/html' ? 'text/html' : 'text/plain';
  return [{ label: file.name, body: { kind: 'bytes', blob: file, contentType } }];
}
