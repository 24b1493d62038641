import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEXED_PAGES, shardSearchIndex } from '../integrations/pagefind.ts';
import {
  articleShardName,
  listShardFiles,
  listShardName,
  PATCH_SHARD,
  pagefindBundles,
  plannedLinks,
  renderedArticleIds,
  shardRole,
  type ShardPlan,
} from './shards.ts';

const dir = mkdtempSync(join(tmpdir(), 'szpalta-shard-role-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articles: ShardPlan['articles'] = [
  { id: 'a', relative: 'articles/a.mdx', shard: 1, data: {}, published: true },
  { id: 'b', relative: 'articles/b.mdx', shard: 2, data: {}, published: true },
  { id: 'c', relative: 'articles/c.mdx', shard: 2, data: {}, published: false },
];
const planOf = (shard: ShardPlan['shard']): ShardPlan => ({
  version: 2,
  buildTime: '2026-12-02T08:00:00.000Z',
  shards: 2,
  shard,
  articleFiles: 3,
  articles: shard === 'lists' ? articles : articles.filter((article) => article.shard === shard || article.id === 'a'),
  feedIds: ['a'],
  links: shard === 2 ? { b: { previous: 'a', next: null, related: [] } } : {},
  listShards: 2,
  lists:
    typeof shard === 'number'
      ? null
      : {
          home: null,
          archive: [],
          tags: [
            {
              key: 'rodo',
              count: 1,
              page: { number: 1, total: 1, items: ['a'], url: '/tagi/rodo/', previousUrl: undefined, nextUrl: undefined },
            },
          ],
          authors: [],
          tagFeeds: { rodo: ['a'] },
          authorFeeds: {},
          tagCounts: { rodo: 1 },
          authorCounts: {},
          elsewhere: [],
        },
});
const planFile = (shard: ShardPlan['shard']) => {
  const file = join(dir, `${shard}.json`);
  writeFileSync(file, JSON.stringify(planOf(shard)));
  return file;
};

describe('shardRole', () => {
  it('is the whole build without the variables', () => {
    const role = shardRole({});
    expect(role).toEqual({ kind: 'whole' });
    expect(pagefindBundles(role)).toEqual(['/pagefind/']);
    expect(renderedArticleIds(role)).toBeUndefined();
    expect(plannedLinks(role)).toBeUndefined();
  });

  it('an article shard renders the bodies of its articles and of the feed, and gets its own search bundle', () => {
    const role = shardRole({ SZPALTA_SHARD: '2', SZPALTA_SHARD_PLAN: planFile(2) });
    expect(role.kind).toBe('articles');
    expect([...(renderedArticleIds(role) ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect([...(plannedLinks(role) ?? [])]).toEqual([['b', { previous: 'a', next: null, related: [] }]]);
    expect(shardSearchIndex(articleShardName(2))).toEqual({ glob: 'artykuly/*/index.html', folder: 'pagefind-articles-2' });
    expect(pagefindBundles(role)).toEqual(['/pagefind/', '/pagefind-articles-1/', '/pagefind-articles-2/']);
  });

  it('the main lists shard renders the feed bodies only, and writes the main search bundle', () => {
    const role = shardRole({ SZPALTA_SHARD: 'lists', SZPALTA_SHARD_PLAN: planFile('lists') });
    expect([...(renderedArticleIds(role) ?? [])]).toEqual(['a']);
    expect(plannedLinks(role)).toBeUndefined();
    expect(shardSearchIndex(listShardName(1))).toEqual({ glob: INDEXED_PAGES, folder: 'pagefind' });
  });

  it('another lists shard renders its list pages and feeds, and writes no search bundle', () => {
    const role = shardRole({ SZPALTA_SHARD: 'lists-2', SZPALTA_SHARD_PLAN: planFile('lists-2') });
    expect(role).toMatchObject({ kind: 'lists', part: 2 });
    expect(shardSearchIndex(listShardName(2))).toBeUndefined();
    if (role.kind !== 'lists') throw new Error('not a lists shard');
    expect(listShardFiles(role.plan.lists)).toEqual(['tagi/rodo/index.html', 'tagi/rodo/rss.xml']);
  });

  it('a patch renders the article pages its plan links (of any shard) and the lists it holds', () => {
    const file = join(dir, 'patch.json');
    writeFileSync(file, JSON.stringify({ ...planOf(PATCH_SHARD), links: { b: { previous: 'a', next: null, related: [] } } }));
    const role = shardRole({ SZPALTA_SHARD: PATCH_SHARD, SZPALTA_SHARD_PLAN: file });
    expect(role.kind).toBe('patch');
    // The feed's bodies (every shard renders the site feed) and the patched article's.
    expect([...(renderedArticleIds(role) ?? [])].sort()).toEqual(['a', 'b']);
    expect([...(plannedLinks(role) ?? [])]).toEqual([['b', { previous: 'a', next: null, related: [] }]]);
    expect(pagefindBundles(role)).toEqual(['/pagefind/', '/pagefind-articles-1/', '/pagefind-articles-2/']);
    expect(() => shardRole({ SZPALTA_SHARD: PATCH_SHARD, SZPALTA_SHARD_PLAN: planFile('lists') })).toThrow(
      'is the plan of shard lists, not of patch',
    );
  });

  it('refuses a shard outside the plan, one variable without the other, and a file that is not a plan', () => {
    expect(() => shardRole({ SZPALTA_SHARD: '3', SZPALTA_SHARD_PLAN: planFile(2) })).toThrow(
      'SZPALTA_SHARD=3: expected a lists shard (lists to lists-2) or an article shard from 1 to 2',
    );
    expect(() => shardRole({ SZPALTA_SHARD: '1', SZPALTA_SHARD_PLAN: planFile(2) })).toThrow('is the plan of shard 2, not of 1');
    expect(() => shardRole({ SZPALTA_SHARD: 'lists' })).toThrow('SZPALTA_SHARD and SZPALTA_SHARD_PLAN go together');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"version":1}');
    expect(() => shardRole({ SZPALTA_SHARD: 'lists', SZPALTA_SHARD_PLAN: other })).toThrow('not a shard plan of this version');
    expect(() => shardRole({ SZPALTA_SHARD: 'lists', SZPALTA_SHARD_PLAN: join(dir, 'missing.json') })).toThrow(
      'the shard plan could not be read',
    );
  });
});
