import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, SAMPLE_CONTENT } from './support/cms.ts';
import { startDecapServer, type Running } from './support/servers.ts';
import { cpSync } from 'node:fs';

/**
 * The CMS's local backend over HTTP (decap-server's real API behind the guard of
 * `admin/backend/local-backend.ts`): it reads and writes content and nothing else, and answers
 * only to its own loopback host.
 */

interface Reply {
  status: number;
  body: { error?: string } & Record<string, unknown>;
}

/** Posts one API request with the given headers (node:http, because fetch does not let a caller set Host). */
function call(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const target = new URL(url);
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as Reply['body']) : {} }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const persist = (path: string, raw = 'name: X\n', assets: unknown[] = []) => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    entry: { slug: 'x', path, raw },
    assets,
    options: { collectionName: 'articles', commitMessage: 'x', useWorkflow: false, status: 'draft' },
  },
});

describe('the CMS local backend in fs mode', () => {
  let workDir: string;
  let repoDir: string;
  let backend: Running;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'szpalta-backend-'));
    repoDir = join(workDir, 'repo');
    cpSync(SAMPLE_CONTENT, join(repoDir, 'content'), { recursive: true });
    mkdirSync(join(repoDir, 'src/pages'), { recursive: true });
    writeFileSync(join(repoDir, 'package.json'), '{"name":"secret"}\n');
    mkdirSync(join(workDir, 'outside'));
    writeFileSync(join(workDir, 'outside/zla.mdx'), '---\ntitle: Zła\n---\n');
    symlinkSync(join(workDir, 'outside/zla.mdx'), join(repoDir, 'content/pages/zla.mdx'));
    symlinkSync(join(workDir, 'outside'), join(repoDir, 'content/images/z-zewnatrz'));
    backend = await startDecapServer({ repoDir, mode: 'fs' });
  }, 60_000);

  afterAll(async () => {
    await backend.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('refuses to save an "entry" to src/pages/x.astro, with a clear error, and no file appears', async () => {
    const reply = await call(backend.url, persist('src/pages/x.astro', '---\nconsole.log(1)\n---\n'));
    expect(reply.status).toBe(403);
    expect(reply.body.error).toBe(
      'the CMS may only read and write content: src/pages/x.astro is not in content/, and the CMS may only read and write files in content/',
    );
    expect(existsSync(join(repoDir, 'src/pages/x.astro'))).toBe(false);
  });

  it('refuses every other way out of content/ and every file the site would not build', async () => {
    const refused: [unknown, string][] = [
      [persist('content/../src/pages/x.astro'), 'is not in content/'],
      [persist('/src/pages/x.astro'), 'is not in content/'],
      [persist('content/articles/.ukryty.mdx'), 'hidden files and folders'],
      [persist('content/articles/x.astro'), 'the site only reads .mdx files in content/articles'],
      [persist('content/articles/50-taniej_teraz.mdx'), 'an underscore (_) is not allowed in a file name; use -'],
      [persist('content/pages/zla.mdx'), 'a symbolic link'],
      [
        persist('content/tags/nowy.yml', 'name: N\n', [{ path: 'public/x.js', content: 'eA==', encoding: 'base64' }]),
        'public/x.js is not in content/',
      ],
      [
        persist('content/tags/nowy.yml', 'name: N\n', [{ path: 'content/images/x.html', content: 'eA==', encoding: 'base64' }]),
        'content/images/x.html: not a JPEG, PNG or WebP image',
      ],
      [
        {
          action: 'persistMedia',
          params: {
            branch: 'main',
            asset: { path: 'content/images/z-zewnatrz/a.jpg', content: 'eA==', encoding: 'base64' },
            options: { commitMessage: 'x' },
          },
        },
        'a symbolic link to a folder',
      ],
      [{ action: 'getEntry', params: { branch: 'main', path: 'package.json' } }, 'package.json is not in content/'],
      [
        { action: 'getMediaFile', params: { branch: 'main', path: 'content/articles/cyberbezpieczenstwo-w-firmach.mdx' } },
        'is not an image',
      ],
      [
        { action: 'entriesByFolder', params: { branch: 'main', folder: 'src', extension: 'astro', depth: 1 } },
        "src is not a collection's folder",
      ],
      [{ action: 'getMedia', params: { branch: 'main', mediaFolder: '.' } }, 'is not the media folder'],
      [
        { action: 'deleteFile', params: { branch: 'main', path: 'package.json', options: { commitMessage: 'x' } } },
        'package.json is not in content/',
      ],
      [
        {
          action: 'deleteFiles',
          params: { branch: 'main', paths: ['content/tags/rodo.yml', 'astro.config.mjs'], options: { commitMessage: 'x' } },
        },
        'astro.config.mjs is not in content/',
      ],
      [{ action: 'noSuchAction', params: {} }, 'the action "noSuchAction" is not allowed'],
    ];
    for (const [payload, message] of refused) {
      const reply = await call(backend.url, payload);
      expect(reply.status, JSON.stringify(payload)).toBe(403);
      expect(reply.body.error, JSON.stringify(payload)).toContain(message);
    }
    expect(existsSync(join(repoDir, 'public'))).toBe(false);
    expect(existsSync(join(repoDir, 'content/articles/.ukryty.mdx'))).toBe(false);
    expect(existsSync(join(workDir, 'outside/a.jpg'))).toBe(false);
    expect(readFileSync(join(repoDir, 'package.json'), 'utf8')).toBe('{"name":"secret"}\n');
    expect(existsSync(join(repoDir, 'content/tags/rodo.yml'))).toBe(true);
  });

  it('refuses a request whose Host is not the loopback name and port it serves (DNS rebinding)', async () => {
    const { port } = new URL(backend.url);
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:1`, `szpalta.localhost:${port}`]) {
      const reply = await call(backend.url, { action: 'info' }, { host });
      expect(reply.status, host).toBe(403);
      expect(reply.body.error).toContain(`answers only to 127.0.0.1:${port}, localhost:${port}, [::1]:${port}`);
    }
    const foreign = await call(backend.url, { action: 'info' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toContain('not to https://evil.example');
    expect((await call(backend.url, { action: 'info' }, { host: `localhost:${port}`, origin: 'http://127.0.0.1:4321' })).status).toBe(200);
  });

  it('still saves, reads and lists content, and leaves links out of listings', async () => {
    const raw = '---\ntitle: Nowy tekst\n---\n\nTreść.\n';
    const saved = await call(backend.url, persist('content/articles/nowy-tekst.mdx', raw));
    expect(saved).toEqual({ status: 200, body: { message: 'entry persisted' } });
    expect(readFileSync(join(repoDir, 'content/articles/nowy-tekst.mdx'), 'utf8')).toBe(raw);
    const read = await call(backend.url, { action: 'getEntry', params: { branch: 'main', path: 'content/articles/nowy-tekst.mdx' } });
    expect(read.body).toMatchObject({ data: raw });
    const pages = await call(backend.url, {
      action: 'entriesByFolder',
      params: { branch: 'main', folder: 'content/pages', extension: 'mdx', depth: 1 },
    });
    const paths = (pages.body as unknown as { file: { path: string } }[]).map((entry) => entry.file.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths).not.toContain('content/pages/zla.mdx');
    const image = await call(backend.url, {
      action: 'persistMedia',
      params: {
        branch: 'main',
        asset: { path: 'content/images/nowe.png', content: 'iVBORw0KGgo=', encoding: 'base64' },
        options: { commitMessage: 'x' },
      },
    });
    expect(image.status).toBe(200);
    expect(existsSync(join(repoDir, 'content/images/nowe.png'))).toBe(true);
  });
});

describe('the CMS local backend in git mode', () => {
  it('refuses to commit a file outside content/ in the editorial workflow', { timeout: 60_000 }, async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'szpalta-backend-git-'));
    const repoDir = join(workDir, 'repo');
    cpSync(SAMPLE_CONTENT, join(repoDir, 'content'), { recursive: true });
    await git(repoDir, 'init', '--quiet', '--initial-branch=main');
    await git(repoDir, 'config', 'user.email', 'test@szpalta.example');
    await git(repoDir, 'config', 'user.name', 'Test');
    await git(repoDir, 'config', 'commit.gpgsign', 'false');
    await git(repoDir, 'add', '.');
    await git(repoDir, 'commit', '--quiet', '-m', 'Content');
    const backend = await startDecapServer({ repoDir, mode: 'git' });
    try {
      const payload = persist('src/pages/x.astro', 'x');
      (payload.params.options as Record<string, unknown>) = {
        collectionName: 'articles',
        commitMessage: 'x',
        useWorkflow: true,
        status: 'draft',
      };
      const reply = await call(backend.url, payload);
      expect(reply.status).toBe(403);
      expect(await git(repoDir, 'branch', '--list')).not.toContain('cms/');
      const branch = await call(backend.url, {
        action: 'publishUnpublishedEntry',
        params: { branch: 'main', collection: 'articles', slug: '../../main' },
      });
      expect(branch.status).toBe(403);
      expect(branch.body.error).toContain('"../../main" is not a valid slug');
    } finally {
      await backend.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
