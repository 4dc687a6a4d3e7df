/** `marsad events`: stored events, filtered, in JSON, CSV, GDELT, PLOVER or GeoJSON. */
import type { CommandSpec, Parsed } from '../args.js';
import { Store, dbLocation, type EventFilter } from '../../store/index.js';
import { EXPORT_FORMATS, type ExportFormat, exportChunks } from '../../export/index.js';
import { writeOut } from '../io.js';
import { DB_OPTION, dateOption, intOption } from './ingest.js';

export const eventsSpec: CommandSpec = {
  name: 'events',
  summary: 'List stored events, filtered by actor, CAMEO code, PLOVER type, dates and country, as JSON, CSV (UTF-8 with BOM), GDELT 2.0 TSV, PLOVER JSON or GeoJSON.',
  usage: 'marsad events [--db FILE|URL] [--actor TEXT] [--code CAMEO] [--from DATE] [--to DATE] [--format json|csv|gdelt|plover|geojson]',
  positionals: { min: 0, max: 0, name: '' },
  options: [
    DB_OPTION,
    { name: 'actor', type: 'string', valueName: 'TEXT', help: 'source or target: a name or alias (any spelling variant) or an actor code (LBY, LBYMIL)' },
    { name: 'code', type: 'string', valueName: 'CAMEO', help: 'CAMEO code or prefix (04 = all consultations)' },
    { name: 'plover', type: 'string', valueName: 'TYPE', help: 'PLOVER event type (CONSULT, ASSAULT, …)' },
    { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', help: 'events on or after' },
    { name: 'to', type: 'string', valueName: 'YYYY-MM-DD', help: 'events on or before' },
    { name: 'country', type: 'string', valueName: 'ISO3', help: 'source, target or location country' },
    { name: 'article', type: 'string', valueName: 'ID', help: 'events of one article' },
    { name: 'limit', type: 'string', valueName: 'N', help: 'at most N events (default: all)' },
    { name: 'format', type: 'string', choices: EXPORT_FORMATS, help: 'output format (default json); see docs/exports.md' },
  ],
};

/** Stops an event stream after `n`. */
async function* take<T>(items: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  if (n <= 0) return;
  let i = 0;
  for await (const x of items) {
    yield x;
    if (++i >= n) return;
  }
}

/** Runs `marsad events`: streams the export of the matching events to stdout. */
export async function runEvents(p: Parsed): Promise<number> {
  const filter: EventFilter = {
    actor: p.options.actor as string | undefined,
    code: p.options.code as string | undefined,
    plover: p.options.plover as string | undefined,
    from: dateOption(p, 'from'),
    to: dateOption(p, 'to'),
    country: p.options.country as string | undefined,
    article: p.options.article as string | undefined,
  };
  const limit = intOption(p, 'limit', Number.MAX_SAFE_INTEGER, 0);
  const format = (p.options.format as ExportFormat | undefined) ?? 'json';
  const store = await Store.open(dbLocation(p.options.db as string | undefined));
  try {
    for await (const chunk of exportChunks(format, take(store.allEvents(filter), limit))) await writeOut(chunk);
  } finally {
    await store.close();
  }
  return 0;
}
