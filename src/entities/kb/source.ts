/**
 * Reads a KB file (YAML or JSON) into raw entries that remember their line and
 * the line of each field, so validation can say exactly where a problem is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import { KbError, lineIndex } from './errors.js';
import { parseJsonWithPositions } from './json-positions.js';
import type { JsonNode } from './json-positions.js';

type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | null = null;

/**
 * The `yaml` package, loaded on first use: importing it costs ~80 ms, which a
 * load from the compiled cache (no YAML to parse) should not pay.
 */
function yaml(): YamlLib {
  yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return yamlLib;
}

/** One list item of a KB file, before validation. */
export interface RawEntry {
  value: unknown;
  /** File name as given, for messages. */
  file: string;
  /** 1-based line where the entry starts. */
  line: number;
  /** 1-based line of each top-level field of the entry. */
  fieldLines: Map<string, number>;
}

export type SourceFormat = 'yaml' | 'json';

/** The format of a file, from its extension (YAML unless it ends in .json). */
export function formatOf(file: string): SourceFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * Reads `file` and returns the entries of its top-level list, or of the list
 * under `listKey` when the top level is a mapping (`actors: [...]`).
 */
export function readEntries(file: string, listKey: string, label = file): RawEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KbError(label, null, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseEntries(text, formatOf(file), listKey, label);
}

/** As `readEntries`, from text already read. */
export function parseEntries(text: string, format: SourceFormat, listKey: string, label: string): RawEntry[] {
  return format === 'json' ? jsonEntries(text, listKey, label) : yamlEntries(text, listKey, label);
}

function notAList(label: string, listKey: string): KbError {
  return new KbError(label, 1, `expected a list of entries, or a mapping with a "${listKey}" list`);
}

function yamlEntries(text: string, listKey: string, label: string): RawEntry[] {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const firstLine = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new KbError(label, err.linePos ? err.linePos[0].line : null, `invalid YAML: ${firstLine}`);
  }
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  let list: unknown = doc.contents;
  if (list === null) return [];
  if (isMap(list)) {
    const pair = list.items.find((p) => isScalar(p.key) && p.key.value === listKey);
    if (!pair) throw notAList(label, listKey);
    list = pair.value;
  }
  if (!isSeq(list)) throw notAList(label, listKey);
  return list.items.map((item) => {
    const node = item as YamlNode;
    const fieldLines = new Map<string, number>();
    if (isMap(node)) {
      for (const p of node.items) {
        if (isScalar(p.key)) fieldLines.set(String(p.key.value), lineOf(p.key as YamlNode));
      }
    }
    return { value: node && typeof node === 'object' && 'toJSON' in node ? node.toJSON() : node, file: label, line: lineOf(node), fieldLines };
  });
}

function jsonEntries(text: string, listKey: string, label: string): RawEntry[] {
  let root: JsonNode = parseJsonWithPositions(text, label);
  if (root.members) {
    const inner = root.members.get(listKey);
    if (!inner) throw notAList(label, listKey);
    root = inner;
  }
  if (!root.items) throw notAList(label, listKey);
  const lineAt = lineIndex(text);
  return root.items.map((node) => {
    const fieldLines = new Map<string, number>();
    for (const [key, at] of node.keyStarts ?? []) fieldLines.set(key, lineAt(at));
    return { value: node.value, file: label, line: lineAt(node.start), fieldLines };
  });
}
