/**
 * A small, strict command-line parser: `--name value`, `--name=value`, boolean
 * `--flag`, repeatable options, positionals, and `-` for standard input. Unknown
 * options are errors that name the command and point at its help.
 */
import { MarsadError } from '../model/messages.js';

export interface OptionSpec {
  name: string;
  /** 'string' takes a value; 'boolean' does not; 'list' takes a value and may repeat. */
  type: 'string' | 'boolean' | 'list';
  help: string;
  /** Allowed values, checked when given. */
  choices?: readonly string[];
  valueName?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec[];
  /** How many positionals are allowed. */
  positionals: { min: number; max: number; name: string };
}

export interface Parsed {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArgs(spec: CommandSpec, argv: string[]): Parsed {
  const options: Parsed['options'] = {};
  const positionals: string[] = [];
  const bad = (reason: string) => new MarsadError('input.invalid-argument', `${reason} (see marsad ${spec.name} --help)`);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help') {
      options.help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq > 0 ? eq : undefined);
      const opt = spec.options.find((o) => o.name === name);
      if (!opt) throw bad(`unknown option --${name} for ${spec.name}`);
      if (opt.type === 'boolean') {
        if (eq > 0) throw bad(`--${name} takes no value`);
        options[name] = true;
        continue;
      }
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && (!argv[i + 1].startsWith('--') || argv[i + 1] === '-')) value = argv[++i];
      if (value === undefined) throw bad(`--${name} needs a value`);
      if (opt.choices && !opt.choices.includes(value)) throw bad(`--${name} must be one of ${opt.choices.join(', ')}, not "${value}"`);
      if (opt.type === 'list') options[name] = [...((options[name] as string[] | undefined) ?? []), value];
      else options[name] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-' && arg.length > 1 && !/^-\d/.test(arg)) {
      if (arg === '-h') {
        options.help = true;
        continue;
      }
      throw bad(`unknown option ${arg} for ${spec.name}`);
    }
    positionals.push(arg);
  }
  if (!options.help) {
    if (positionals.length < spec.positionals.min) throw bad(`${spec.name} needs ${spec.positionals.name}`);
    if (positionals.length > spec.positionals.max) throw bad(`too many arguments for ${spec.name}: ${positionals.slice(spec.positionals.max).join(' ')}`);
  }
  return { options, positionals };
}

/** The help text of a command. */
export function helpText(spec: CommandSpec): string {
  const lines = [`usage: ${spec.usage}`, '', spec.summary, ''];
  if (spec.options.length) {
    lines.push('options:');
    const leftOf = (o: OptionSpec) => `--${o.name}${o.type === 'boolean' ? '' : ' ' + (o.valueName ?? (o.choices ? o.choices.join('|') : 'VALUE'))}`;
    // Long value lists (--log-level fatal|error|…) get a line of their own rather than a wide column.
    const width = Math.min(24, Math.max(...spec.options.map((o) => leftOf(o).length)) + 2);
    for (const o of spec.options) {
      const left = leftOf(o);
      if (left.length + 2 > width) lines.push(`  ${left}`, `  ${''.padEnd(width + 2)}${o.help}`);
      else lines.push(`  ${left.padEnd(width + 2)}${o.help}`);
    }
    lines.push(`  ${'--help'.padEnd(width + 2)}show this help`);
  }
  return lines.join('\n');
}
