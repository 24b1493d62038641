import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The reader island (`island.ts`) bundled and minified for browsers, as served at `/island.js`. */
export async function buildIsland(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./island.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('comments/island/island.ts: esbuild produced no output');
  return output.text;
}
