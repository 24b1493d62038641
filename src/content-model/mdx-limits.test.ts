import { describe, expect, it } from 'vitest';
import { findLimitProblem } from './mdx-limits.ts';

describe('limits of a body', () => {
  it('pass ordinary articles: quotes, lists, tags and emphasis a few levels deep', () => {
    const body = [
      '> cytat\n> > w cytacie',
      '- a\n  - b\n    - c',
      '<div><span>x</span></div>',
      'Tekst z *kursywą* i **pogrubieniem**.',
    ].join('\n\n');
    expect(findLimitProblem(body)).toBeUndefined();
  });

  it('read a long line of only spaces as a blank line (the MDX compiler blanks front matter out with spaces)', () => {
    const blankedFrontMatter = `${' '.repeat(3)}\n${' '.repeat(130)}\n${' '.repeat(40)}\n\nTekst artykułu.`;
    expect(findLimitProblem(blankedFrontMatter)).toBeUndefined();
    expect(findLimitProblem(`${' '.repeat(130)}> cytat`)?.kind).toBe('line-nesting');
  });

  it('skip fenced code, which is not parsed as Markdown', () => {
    expect(findLimitProblem(`\`\`\`\n${'*'.repeat(5_000)}\n${'> '.repeat(200)}\n\`\`\`\n`)).toBeUndefined();
  });

  it('name the line of the first problem', () => {
    expect(findLimitProblem(`a\n\nb\n\n${'> '.repeat(60)}c`)).toMatchObject({ line: 5, column: 1 });
    expect(findLimitProblem(`a\n${'<div>'.repeat(101)}`)).toMatchObject({ line: 2, column: 501 });
    expect(findLimitProblem(`a\n\n${'_'.repeat(501)}`)).toMatchObject({ line: 3 });
  });
});
