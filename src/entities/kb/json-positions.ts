/**
 * A small JSON parser that keeps where things are. `JSON.parse` gives neither
 * the line of an array element nor (in recent V8) the position of a syntax
 * error; user KB files need both for their error messages.
 */
import { KbError, lineAt } from './errors.js';

/** A parsed value with the offset where it starts; objects keep their keys' offsets. */
export interface JsonNode {
  value: unknown;
  start: number;
  /** Array elements, in order (arrays only). */
  items?: JsonNode[];
  /** Member values by key (objects only). */
  members?: Map<string, JsonNode>;
  /** Offset of each member's key (objects only). */
  keyStarts?: Map<string, number>;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS: ReadonlyArray<[string, unknown]> = [['true', true], ['false', false], ['null', null]];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON `text`; a syntax error throws a `KbError` naming `file` and the line. */
export function parseJsonWithPositions(text: string, file: string): JsonNode {
  let i = 0;
  const fail = (what: string): never => {
    throw new KbError(file, lineAt(text, i), `invalid JSON: ${what}`);
  };
  const skip = (): void => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text[i] !== ch) fail(i >= text.length ? `expected "${ch}" before the end of the file` : `expected "${ch}", found "${text[i]}"`);
    i++;
  };
  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('line break inside a string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const parseValue = (): JsonNode => {
    skip();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const members = new Map<string, JsonNode>();
      const keyStarts = new Map<string, number>();
      const value: Record<string, unknown> = {};
      skip();
      if (text[i] === '}') { i++; return { value, start, members, keyStarts }; }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('expected a quoted key');
        const keyStart = i;
        const key = parseString();
        expect(':');
        const node = parseValue();
        members.set(key, node);
        keyStarts.set(key, keyStart);
        value[key] = node.value;
        skip();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return { value, start, members, keyStarts }; }
        fail('expected "," or "}" after an object member');
      }
    }
    if (ch === '[') {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') { i++; return { value: [], start, items }; }
      for (;;) {
        items.push(parseValue());
        skip();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return { value: items.map((n) => n.value), start, items }; }
        fail('expected "," or "]" after an array element');
      }
    }
    if (ch === '"') return { value: parseString(), start };
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, i)) { i += word.length; return { value: literal, start }; }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) { i += m[0].length; return { value: Number(m[0]), start }; }
    return fail(i >= text.length ? 'unexpected end of file' : `unexpected "${ch}"`);
  };
  const root = parseValue();
  skip();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}
