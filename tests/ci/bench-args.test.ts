import { describe, expect, it } from 'vitest';
import { benchArgs } from '../../bench/args.ts';

describe('benchArgs', () => {
  it('gives the defaults, and flags off, when nothing is given', () => {
    expect(benchArgs({ posts: 10_000, workers: undefined }, ['keep', 'no-write'], [])).toEqual({
      posts: 10_000,
      workers: undefined,
      keep: false,
      'no-write': false,
    });
  });

  it('reads whole numbers, 0 included, and flags', () => {
    expect(benchArgs({ posts: 10_000, workers: undefined }, ['keep'], ['--posts', '500', '--workers', '0', '--keep'])).toEqual({
      posts: 500,
      workers: 0,
      keep: true,
    });
  });

  it('names the option whose value is not a whole number', () => {
    expect(() => benchArgs({ runs: 3 }, [], ['--runs', 'trzy'])).toThrow('--runs must be a whole number (0 or more), not "trzy"');
    expect(() => benchArgs({ runs: 3 }, [], ['--runs', '2.5'])).toThrow('--runs must be a whole number (0 or more), not "2.5"');
  });

  it('refuses an option it does not know', () => {
    expect(() => benchArgs({ runs: 3 }, [], ['--rusn', '2'])).toThrow(/--rusn/);
  });
});
