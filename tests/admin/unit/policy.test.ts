import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody as widgetCheck } from '../../../admin/src/mdx/policy.ts';
import { policyMessagesEn, policyMessagesPl } from '../../../src/content-model/mdx-policy.ts';
import { scanContent } from '../../../content-check/lib/files.ts';
import { checkBody as contentCheck } from '../../../content-check/lib/mdx.ts';
import type { LinkUse, Problem } from '../../../content-check/lib/types.ts';
import { FIXTURE_CONTENT } from '../support/cms.ts';

/**
 * The body widget refuses to save exactly what the content check reports as an error, for
 * everything that can be decided from the text alone. Both run on the same bodies here.
 */

const { index } = scanContent(FIXTURE_CONTENT);

function contentCheckErrors(body: string): Problem[] {
  const problems: Problem[] = [];
  const links: LinkUse[] = [];
  contentCheck(
    {
      file: join(FIXTURE_CONTENT, 'articles/x.mdx'),
      relative: 'articles/x.mdx',
      body,
      start: { line: 1, column: 1 },
      pagePath: '/artykuly/x/',
    },
    { index, adSlots: ['in-article', 'sidebar', 'top'], siteOrigin: 'https://szpalta.example' },
    problems,
    links,
  );
  return problems.filter((problem) => problem.severity === 'error');
}

const bodies = [
  'Zwykły akapit z **pogrubieniem**, _kursywą_ i [linkiem](https://example.com).',
  '## Śródtytuł\n\n### Niższy\n\nTekst.',
  '## Śródtytuł\n\n#### Za głęboko\n\nTekst.',
  '# Drugi tytuł\n\nTekst.',
  '<h1>Tytuł</h1>',
  'Komentarz {/* redakcji */} w tekście.',
  'Suma {1 + 1} w tekście.',
  '{props.x}',
  'import Foo from "./foo.js"',
  'export const meta = {}',
  '<Callout type="warning" title="Uwaga">\nTekst ramki.\n</Callout>',
  '<Callout type="alarm">\nTekst.\n</Callout>',
  '<Callout type={"warning"}>\nTekst.\n</Callout>',
  '<Callout {...props}>\nTekst.\n</Callout>',
  '<Callout kolor="red">\nTekst.\n</Callout>',
  '<Quote author="Anna">\nCytat.\n</Quote>',
  '<Figure src="../images/wykres.jpg" alt="Wykres" caption="Podpis" />',
  '<Figure src="../images/wykres.jpg" />',
  '<Figure src="../images/wykres.jpg" alt="Wykres">podpis</Figure>',
  '<Embed url="https://www.youtube.com/watch?v=1" title="Film" />',
  '<Embed url="http://example.com" title="Film" />',
  '<Ad />',
  '<Nieznany />',
  '<callout>Tekst</callout>',
  '<>fragment</>',
  '<script>alert(1)</script>',
  '<iframe src="https://example.com"></iframe>',
  '<form action="/x"></form>',
  '<img src="../images/wykres.jpg" alt="x" />',
  '<span style="color: red">tekst</span>',
  '<span onclick="alert(1)">tekst</span>',
  '<a href="javascript:alert(1)">link</a>',
  '[link](javascript:alert(1))',
  '[link]()',
  '![](../images/wykres.jpg)',
  '![Wykres](../images/wykres.jpg)',
  '<abbr title="Urząd Ochrony Danych Osobowych">UODO</abbr> ukarał sklep.',
  'Nawias \\{ i \\} oraz \\< znak.',
  'Otwarty <b tekst',
  'Otwarty { nawias',
  '- punkt\n- punkt z `kodem`',
  '> cytat\n> w dwóch liniach',
  '```js\nconst a = {1: 2};\n```',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<svg><animate attributeName="href" values="javascript:alert(1)" /></svg>',
  '<svg><set attributeName="href" to="javascript:alert(1)" /></svg>',
  '<svg:script>alert(1)</svg:script>',
  '<a xlink:href="javascript:alert(1)">link</a>',
  '<span class="ad-slot" id="main">tekst</span>',
  '<a href="data:text/html,<script>alert(1)</script>">link</a>',
  '<a href="java\tscript:alert(1)">link</a>',
  '<a href="blob:https://example.com/x">link</a>',
  '<a href="tel:+48221234567">zadzwoń</a> albo <a href="mailto:redakcja@szpalta.example">napisz</a>',
  '<q cite="https://example.com/">cytat</q> i <time datetime="2026-11-22">22 listopada</time>',
  '<math><mi>x</mi></math>',
  '<details><summary>Więcej</summary>Tekst.</details>',
  '> '.repeat(200) + 'za głęboko',
];

describe('the body widget and the content check', () => {
  it('word every rule of the one policy module in both languages', () => {
    expect(Object.keys(policyMessagesPl).sort()).toEqual(Object.keys(policyMessagesEn).sort());
  });

  it.each(bodies)('agree whether this body may be saved: %s', (body) => {
    const check = contentCheckErrors(body);
    const widget = widgetCheck(body);
    expect({ refused: widget.length > 0, widget, check: check.map((problem) => `${problem.rule}: ${problem.message}`) }).toMatchObject({
      refused: check.length > 0,
    });
  });
});
