import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The options of one of our commands, parsed strictly. A command-line mistake prints the error
 * and the usage and exits with 2; `--help` (which every command offers) prints the usage and exits.
 */
export function parseCommandLine<const O extends Options>(
  options: O,
  usage: string,
  args: readonly string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<{ options: O; args: string[] }>>['values'] {
  let values;
  try {
    ({ values } = parseArgs({ options, args: [...args] }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if ((values as { help?: unknown }).help === true) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
