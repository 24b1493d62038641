import { describe, expect, it } from 'vitest';
import { fileSizeProblem, findBodyLimitProblem, findLimitProblem, MAX_FILE_BYTES } from './mdx-limits.ts';

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

describe('limits placed in the file, for the loaders that parse bodies without the check', () => {
  it('names the line of the file, not of the body, for 20,000 nested quotes after front matter', () => {
    const contents = `---\ntitle: Strona\n---\n\n  Wstęp.\n\n${'> '.repeat(20_000)}cytat\n`;
    const body = contents.slice(contents.indexOf('---\n', 4) + 4).trim();
    expect(findBodyLimitProblem(contents, body, contents.lastIndexOf(body))).toMatchObject({ line: 7, column: 1 });
    const first = `---\ntitle: x\n---\n   ${'*_'.repeat(20_000)}\n`;
    const firstBody = first.slice(first.indexOf('---\n', 4) + 4).trim();
    expect(findBodyLimitProblem(first, firstBody, first.lastIndexOf(firstBody))).toMatchObject({ line: 4, column: 4 });
    expect(findBodyLimitProblem('---\n---\nZwykły tekst.\n', 'Zwykły tekst.', 8)).toBeUndefined();
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(fileSizeProblem(MAX_FILE_BYTES)).toBeUndefined();
    expect(fileSizeProblem(MAX_FILE_BYTES + 1)?.message).toBe('the file has 300,001 bytes, more than the 300,000 allowed');
  });
});
