// Every flag is one entry of FLAGS: the parser, the per-command checks and --help all read it,
// so a new flag is one line here (plus its use in cli.ts).
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';

export type Command = 'generate' | 'validate';

interface Flag {
  type: 'string' | 'boolean';
  /** Placeholder for a string flag's value in --help. */
  value?: string;
  commands: Command[];
  help: string;
  example: string;
}

const BOTH: Command[] = ['generate', 'validate'];

export const FLAGS = {
  config: { type: 'string', value: 'FILE', commands: BOTH, help: 'the clients file (default: codegen.config.json in the current folder, when there is one)', example: 'npm run generate -- --config clients.json' },
  client: { type: 'string', value: 'NAME', commands: BOTH, help: 'only this client of the config file', example: 'npm run generate -- --client beta' },
  spec: { type: 'string', value: 'FILE', commands: BOTH, help: 'the OpenAPI document, YAML or JSON, optionally .gz (without --client: one client, ignoring the config file)', example: 'npm run generate -- --spec api.yaml --out client' },
  out: { type: 'string', value: 'DIR', commands: ['generate'], help: 'the output folder (without --client: one client, ignoring the config file)', example: 'npm run generate -- --out /tmp/client' },
  'package-name': { type: 'string', value: 'NAME', commands: ['generate'], help: "the npm package's name (one client only)", example: 'npm run generate -- --client beta --package-name @acme/beta' },
  'package-version': { type: 'string', value: 'VERSION', commands: ['generate'], help: "the npm package's version (one client only)", example: 'npm run generate -- --package-version 2.1.0' },
  'api-key-env': { type: 'string', value: 'VAR', commands: ['generate'], help: 'the environment variable the client reads its access token from (one client only)', example: 'npm run generate -- --api-key-env ACME_API_KEY' },
  'base-url-env': { type: 'string', value: 'VAR', commands: ['generate'], help: 'the environment variable the client reads its base URL from (one client only)', example: 'npm run generate -- --base-url-env ACME_BASE_URL' },
  repository: { type: 'string', value: 'URL', commands: ['generate'], help: "the package's repository, for package.json and the README's links (one client only)", example: 'npm run generate -- --repository https://github.com/acme/client' },
  'max-spec-size': { type: 'string', value: 'SIZE', commands: BOTH, help: 'refuse a spec larger than this, counted after decompression (default 16MB)', example: 'npm run generate -- --max-spec-size 64MB' },
  check: { type: 'boolean', commands: ['generate'], help: 'write nothing; exit 1, listing the files, when an output folder is not what its spec gives (CI)', example: 'npm run generate -- --check' },
  validate: { type: 'boolean', commands: ['generate'], help: "run openapi-generator's validator before generating", example: 'npm run generate -- --validate' },
  'no-oracle': { type: 'boolean', commands: ['validate'], help: 'our checks only, without openapi-generator (no Java needed)', example: 'npm run validate -- --no-oracle' },
  watch: { type: 'boolean', commands: ['generate'], help: 'regenerate when a spec or a template changes, until Ctrl-C', example: 'npm run generate -- --watch' },
  json: { type: 'boolean', commands: BOTH, help: 'print one JSON report on stdout instead of lines (counts, files, warnings, timings)', example: 'npm run generate -- --check --json' },
  quiet: { type: 'boolean', commands: BOTH, help: 'print errors only: no progress, summary or warnings', example: 'npm run generate -- --quiet' },
  help: { type: 'boolean', commands: BOTH, help: 'this text', example: 'npm run generate -- --help' },
} satisfies Record<string, Flag>;

const COMMANDS: Record<Command, { help: string; example: string }> = {
  generate: { help: 'write every client of codegen.config.json (or the one the flags name)', example: 'npm run generate' },
  validate: { help: "check specs with our checks and openapi-generator's; writes nothing", example: 'npm run validate -- --spec api.yaml' },
};

export const EXIT_CODES = ['0  success', '1  problems in a spec (or --check found stale files)', '2  usage error, bad config file, Java missing or output folder refused'];

export type Values = { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'string' ? string : boolean };

export function helpText(): string {
  const flagName = (name: string, flag: Flag) => `--${name}${flag.value ? ` ${flag.value}` : ''}`;
  const entries = Object.entries(FLAGS) as Array<[string, Flag]>;
  const width = Math.max(...entries.map(([name, flag]) => flagName(name, flag).length)) + 2;
  return [
    'usage: npm run generate -- [flags]',
    '       npm run validate -- [flags]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).flatMap(([name, c]) => [`  ${name.padEnd(width)}${c.help}`, `  ${''.padEnd(width)}e.g. ${c.example}`]),
    '',
    'flags:',
    ...entries.flatMap(([name, flag]) => [
      `  ${flagName(name, flag).padEnd(width)}${flag.help}${flag.commands.length === 1 ? ` [${flag.commands[0]} only]` : ''}`,
      `  ${''.padEnd(width)}e.g. ${flag.example}`,
    ]),
    '',
    'exit codes:',
    ...EXIT_CODES.map((line) => `  ${line}`),
  ].join('\n');
}

export function parseCommandLine(argv: string[]): { command: Command | undefined; values: Values } {
  // `codegen --help`: flags before any command are still flags.
  const flagsFirst = argv[0]?.startsWith('-') === true;
  const command = flagsFirst ? undefined : argv[0];
  const rest = flagsFirst ? argv : argv.slice(1);
  let values: Values;
  try {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([name, flag]) => [name, { type: flag.type }]));
    values = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values as Values;
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!);
  }
  if (values.help) return { command: undefined, values };
  if (command !== 'generate' && command !== 'validate') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  for (const name of Object.keys(values) as Array<keyof typeof FLAGS>) {
    if (!(FLAGS[name].commands as Command[]).includes(command)) throw new UsageError(`--${name} does not apply to ${command}`);
  }
  if (values.watch && (values.check || values.json)) throw new UsageError('--watch runs until stopped: it does not combine with --check or --json');
  return { command, values };
}
