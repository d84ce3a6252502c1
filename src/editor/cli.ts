/**
 * The command line of every editor tool (scripts/*.ts run by npm scripts): --help prints the usage; an unknown
 * option, a missing value or a wrong number of arguments is one line plus the usage and exit 1; a mistake the
 * tool reports (UserError) is its message and exit 1. Never a stack trace for something the editor typed.
 *
 *   const { values, positionals } = command({
 *     name: 'new:story', usage: '<slug> [--title "标题"]', summary: 'Scaffolds a draft story and its dataset.',
 *     options: { title: { type: 'string', description: 'the headline' } }, positionals: { min: 1, max: 1, name: 'slug' },
 *   });
 */
import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import { closest } from '../data/diagnostics.ts';

export interface CliOption extends ParseArgsOptionDescriptor {
  /** One line for --help. */
  description: string;
}

export interface CommandSpec<O extends Record<string, CliOption>> {
  /** The npm script, e.g. "new:story". */
  name: string;
  /** Arguments after `npm run <name> --`, e.g. "<slug> [--title \"标题\"]". */
  usage: string;
  /** What the tool does, in one or two sentences. */
  summary: string;
  options: O;
  /** How many positional arguments are accepted, what one is called, and what to say when it is missing. */
  positionals?: { min?: number; max?: number; name?: string; missing?: string };
}

/** A mistake the editor can fix; the tool prints its message (no stack) and exits 1. */
export class UserError extends Error {}

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
} & { help?: boolean };

/** Returns the usage line and the options, as --help prints them. */
export function helpText<O extends Record<string, CliOption>>(spec: CommandSpec<O>): string {
  const lines = [`usage: npm run ${spec.name} -- ${spec.usage}`.trimEnd(), '', spec.summary, '', 'options:'];
  const entries = Object.entries({
    ...spec.options,
    help: { type: 'boolean', short: 'h', description: 'show this help' } as CliOption,
  });
  const rows = entries.map(([k, o]) => ({
    name: `${o.short ? `-${o.short}, ` : '    '}--${k}${o.type === 'string' ? ' <value>' : ''}`,
    description: o.description,
  }));
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const { name, description } of rows) lines.push(`  ${name.padEnd(width)}  ${description}`);
  return lines.join('\n');
}

/** Parses process.argv (or `args`) for a tool; prints help or a one-line mistake and exits as the contract says. */
export function command<O extends Record<string, CliOption>>(
  spec: CommandSpec<O>,
  args: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const usage = `usage: npm run ${spec.name} -- ${spec.usage}`.trimEnd();
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const names = [...Object.keys(spec.options), 'help'];
    fail(spec.name, `${plain((error as Error).message, names)}\n${usage}`);
  }
  const values = parsed.values as Values<O>;
  if (values.help) {
    console.log(helpText(spec));
    process.exit(0);
  }
  const { min = 0, max = Infinity, name = 'argument', missing } = spec.positionals ?? { max: 0 };
  const count = parsed.positionals.length;
  if (count < min) fail(spec.name, `${missing ?? `missing ${name}`}\n${usage}`);
  if (count > max)
    fail(
      spec.name,
      `${max === 0 ? `unexpected argument "${parsed.positionals[0]}"` : `give ${max === 1 ? `one ${name}` : `at most ${max}`}, not ${count}`}\n${usage}`,
    );
  return { values, positionals: parsed.positionals };
}

/** Runs a tool's main function: a UserError is printed as one line and exits 1; anything else is a bug and is thrown. */
export async function run(name: string, main: () => void | Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UserError) fail(name, error.message);
    throw error;
  }
}

/** Prints `name: message` to stderr and exits 1. */
export function fail(name: string, message: string): never {
  console.error(`${name}: ${message}`);
  process.exit(1);
}

/** Node's parseArgs messages, shortened to what the editor typed, with the option they probably meant. */
function plain(message: string, names: string[]): string {
  const unknown = /^Unknown option '-{1,2}([^']+)'/.exec(message);
  if (unknown) {
    const near = closest(unknown[1]!, names);
    return `unknown option ${message.match(/'([^']+)'/)![1]}${near ? `; did you mean --${near}?` : ''}`;
  }
  const option = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (/argument missing|argument is ambiguous/.test(message))
    return `the option ${option} needs a value (a value that starts with - is written ${option}=-…)`;
  if (/does not take an argument/.test(message)) return `the option ${option} takes no value`;
  return message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
}
