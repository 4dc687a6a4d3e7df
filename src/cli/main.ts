/**
 * The `marsad` command line. Exit status: 0 on success, 2 for unusable arguments
 * or input (one line on stderr saying what and where), 1 for an internal error
 * (a stack trace only with MARSAD_DEBUG=1).
 */
import { type CommandSpec, type Parsed, helpText, parseArgs } from './args.js';
import { isMarsadError } from '../model/messages.js';
import { analyzeSpec, runAnalyze } from './commands/analyze.js';
import { runTag, tagSpec } from './commands/tag.js';
import { ingestSpec, runIngest } from './commands/ingest.js';
import { eventsSpec, runEvents } from './commands/events.js';
import { searchSpec, runSearch } from './commands/search.js';
import { watchSpec, runWatch } from './commands/watch.js';
import { workerSpec, runWorkerCommand } from './commands/worker.js';
import { serveSpec, runServe } from './commands/serve.js';

interface Command {
  spec: CommandSpec;
  run(p: Parsed): Promise<number>;
}

/** Commands in the order `--help` lists them. Others register themselves in `commands/`. */
export const COMMANDS: Command[] = [
  { spec: analyzeSpec, run: runAnalyze },
  { spec: tagSpec, run: runTag },
  { spec: ingestSpec, run: runIngest },
  { spec: searchSpec, run: runSearch },
  { spec: eventsSpec, run: runEvents },
  { spec: serveSpec, run: runServe },
  { spec: watchSpec, run: runWatch },
  { spec: workerSpec, run: runWorkerCommand },
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'marsad — Arabic news to structured, searchable event data',
    '',
    'usage: marsad COMMAND [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary.split('\n')[0]}`),
    '',
    'Run `marsad COMMAND --help` for the options of a command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write('marsad 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    process.stderr.write(`marsad: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}; see marsad --help)\n`);
    return 2;
  }
  try {
    const parsed = parseArgs(command.spec, rest);
    if (parsed.options.help) {
      process.stdout.write(helpText(command.spec) + '\n');
      return 0;
    }
    return await command.run(parsed);
  } catch (e) {
    if (isMarsadError(e)) {
      process.stderr.write(`marsad ${name}: ${e.message.replace(/\s+/g, ' ')}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`marsad ${name}: internal error: ${String(err?.message ?? err).split('\n')[0]}${process.env.MARSAD_DEBUG ? '\n' + err?.stack : ' (set MARSAD_DEBUG=1 for details)'}\n`);
    return 1;
  }
}
