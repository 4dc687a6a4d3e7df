/** `marsad search`: full-text search over stored articles, across Arabic spelling variants. */
import type { CommandSpec, Parsed } from '../args.js';
import { Store, dbLocation, type SearchResult } from '../../store/index.js';
import { writeOut } from '../io.js';
import { DB_OPTION, dateOption, intOption } from './ingest.js';

export const searchSpec: CommandSpec = {
  name: 'search',
  summary: 'Full-text search over stored articles. Matches across spelling variants (hamza forms, ى/ي, ة/ه, diacritics, tatweel) and clitics (و، ب، ل، ال).\nEvery word must match; results are ranked, with a snippet around the matches.',
  usage: 'marsad search QUERY [--db FILE|URL] [--format json|text] [--limit N] [--from DATE] [--to DATE]',
  positionals: { min: 1, max: Infinity, name: 'QUERY' },
  options: [
    DB_OPTION,
    { name: 'format', type: 'string', choices: ['json', 'text'], help: 'output: JSON (default) or a readable list' },
    { name: 'limit', type: 'string', valueName: 'N', help: 'results per page (default 20)' },
    { name: 'offset', type: 'string', valueName: 'N', help: 'results to skip (paging)' },
    { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', help: 'articles dated on or after' },
    { name: 'to', type: 'string', valueName: 'YYYY-MM-DD', help: 'articles dated on or before' },
    { name: 'entity', type: 'string', valueName: 'NAME|ID', help: 'articles naming this entity' },
    { name: 'type', type: 'string', valueName: 'CAMEO|PLOVER', help: 'articles with an event of this type (CAMEO code prefix or PLOVER type)' },
    { name: 'country', type: 'string', valueName: 'ISO3', help: 'articles about this country (entities or event locations)' },
  ],
};

/** Results shown when --limit is not given. */
const DEFAULT_LIMIT = 20;

function textReport(r: SearchResult): string {
  const lines = [`${r.total} articles match «${r.query}»${r.total > r.items.length ? ` (showing ${r.offset + 1}–${r.offset + r.items.length})` : ''}`];
  r.items.forEach((h, i) => {
    const s = h.snippet;
    let marked = '';
    let at = s.start;
    for (const m of s.highlights) {
      marked += s.text.slice(at - s.start, m.start - s.start) + '[' + s.text.slice(m.start - s.start, m.end - s.start) + ']';
      at = m.end;
    }
    marked += s.text.slice(at - s.start);
    lines.push('', `${r.offset + i + 1}. ${h.title ?? '(no title)'}  ${h.date ?? ''}  ${h.id}`, `   ${marked.replace(/\s+/g, ' ').trim()}`);
  });
  return lines.join('\n');
}

/** Runs `marsad search`. */
export async function runSearch(p: Parsed): Promise<number> {
  const query = p.positionals.join(' ');
  const store = await Store.open(dbLocation(p.options.db as string | undefined));
  try {
    const r = await store.search({
      query,
      limit: intOption(p, 'limit', DEFAULT_LIMIT, 1),
      offset: intOption(p, 'offset', 0),
      from: dateOption(p, 'from'),
      to: dateOption(p, 'to'),
      entity: p.options.entity as string | undefined,
      type: p.options.type as string | undefined,
      country: p.options.country as string | undefined,
    });
    await writeOut((p.options.format === 'text' ? textReport(r) : JSON.stringify(r)) + '\n');
  } finally {
    await store.close();
  }
  return 0;
}
