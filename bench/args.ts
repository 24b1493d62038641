import { parseArgs } from 'node:util';

type Numbers<N> = { [K in keyof N]: N[K] extends number ? number : number | undefined };
type Flags<F extends readonly string[]> = Record<F[number], boolean>;

/**
 * A benchmark's command-line options: whole-number options (`--posts 500`) with their defaults
 * (`undefined`: no default) and on/off flags (`--keep`). Unknown options are refused; a value
 * that is not a whole number of 0 or more throws an error naming the option.
 */
export function benchArgs<const N extends Record<string, number | undefined>, const F extends readonly string[]>(
  numbers: N,
  flags: F,
  args: readonly string[] = process.argv.slice(2),
): Numbers<N> & Flags<F> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of Object.keys(numbers)) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean' };
  const { values } = parseArgs({ args: [...args], options, strict: true });
  const result: Record<string, number | boolean | undefined> = {};
  for (const [name, fallback] of Object.entries(numbers)) {
    const given = values[name];
    if (typeof given !== 'string') {
      result[name] = fallback;
      continue;
    }
    const value = Number(given);
    if (given.trim() === '' || !Number.isInteger(value) || value < 0)
      throw new Error(`--${name} must be a whole number (0 or more), not "${given}"`);
    result[name] = value;
  }
  for (const name of flags) result[name] = values[name] === true;
  return result as Numbers<N> & Flags<F>;
}
