import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importComments, ImportError, validateImport, type ImportedComment } from '../../comments/import.ts';
import { ROOT } from '../support/build.ts';
import { ARTICLE } from './support/global-setup.ts';
import { freePort, startService, type RunningService } from './support/service.ts';

const fixture = inject('comments');

const EXPORTED: ImportedComment[] = [
  {
    article: ARTICLE,
    id: 10,
    parent: null,
    author: 'Marek z Poznania',
    date: '2019-05-01T10:00:00Z',
    text: 'Pierwszy komentarz z WordPressa.\n\nDrugi akapit.',
  },
  { article: ARTICLE, id: 11, parent: 10, author: 'Redakcja', date: '2019-05-01T11:00:00Z', text: 'Odpowiedź redakcji.' },
  { article: ARTICLE, id: 12, parent: 11, author: 'Marek z Poznania', date: '2019-05-01T12:00:00Z', text: 'Odpowiedź na odpowiedź.' },
  { article: ARTICLE, id: 13, parent: 0, author: 'Ola', date: '2019-05-02T08:00:00+02:00', text: 'Osobny wątek.' },
];

describe('npm run comments:import', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({
      contentDir: fixture.contentDir,
      databaseUrl: join(fixture.workDir, `import-${Date.now()}.sqlite`),
      port: await freePort(),
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('loads approved WordPress comments with threads, names and dates, once, however often it runs', async () => {
    const entries = validateImport(EXPORTED, 'comments.json', fixture.contentDir);
    expect(await importComments(service.service.database.db, entries)).toEqual({ added: 4, kept: 0 });
    expect(await importComments(service.service.database.db, entries)).toEqual({ added: 0, kept: 4 });
    const response = await fetch(`${service.url}/api/comments?article=${ARTICLE}`);
    const body = (await response.json()) as {
      count: number;
      comments: { author: string; date: string; text: string; replies: { author: string; text: string }[] }[];
    };
    expect(body.count).toBe(4);
    expect(
      body.comments.map((comment) => [
        comment.author,
        comment.date,
        comment.text,
        comment.replies.map((reply) => `${reply.author}: ${reply.text}`),
      ]),
    ).toEqual([
      ['Ola', '2019-05-02T06:00:00.000Z', 'Osobny wątek.', []],
      [
        'Marek z Poznania',
        '2019-05-01T10:00:00.000Z',
        'Pierwszy komentarz z WordPressa.\n\nDrugi akapit.',
        ['Redakcja: Odpowiedź redakcji.', 'Marek z Poznania: Odpowiedź na odpowiedź.'],
      ],
    ]);
  });

  it('refuses a bad file whole, naming each entry and field', () => {
    const bad = [
      { article: 'nie-ma-takiego', id: 1, parent: null, author: 'A', date: '2019-01-01', text: 'x' },
      { article: ARTICLE, id: 2, parent: 99, author: '', date: 'wczoraj', text: '<p>HTML</p>' },
    ];
    expect(() => validateImport(bad, 'wp.json', fixture.contentDir)).toThrow(ImportError);
    let message = '';
    try {
      validateImport(bad, 'wp.json', fixture.contentDir);
    } catch (error) {
      message = (error as Error).message.replaceAll(fixture.contentDir, '<content>');
    }
    expect(message.split('\n')).toEqual([
      'wp.json: entry 0, field "article": no article "nie-ma-takiego" in <content>/articles',
      'wp.json: entry 1, field "author": the author\'s name is required',
      'wp.json: entry 1, field "date": must be an ISO 8601 date',
      'wp.json: entry 1, field "text": must be plain text, without HTML tags',
      'wp.json: entry 1, field "parent": no comment with id 99 in the file',
    ]);
    expect(() => validateImport({}, 'wp.json', fixture.contentDir)).toThrow('wp.json: the file must hold a JSON array of comments');
  });

  it('runs as a command against the configured database', async () => {
    const file = join(fixture.workDir, 'wp-comments.json');
    await writeFile(file, JSON.stringify(EXPORTED));
    const env = {
      ...process.env,
      SZPALTA_CONTENT_DIR: fixture.contentDir,
      COMMENTS_DATABASE_URL: join(fixture.workDir, `import-cli-${Date.now()}.sqlite`),
    };
    const run = () => promisify(execFile)(process.execPath, ['comments/import.ts', file], { cwd: ROOT, env });
    expect((await run()).stdout).toContain('4 comments imported, 0 already there.');
    expect((await run()).stdout).toContain('0 comments imported, 4 already there.');
  });
});
