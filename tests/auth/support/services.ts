import { startAuthServer, type RunningAuthServer } from '../../../auth/server.ts';
import type { AuthConfig } from '../../../auth/config.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github.ts';

export const CLIENT_ID = 'Iv1.szpaltatest';
export const CLIENT_SECRET = 'szpalta-test-secret-0123456789abcdef';

/** The auth service on a free port of 127.0.0.1, logging into `log`, against a fresh GitHub stand-in. */
export interface AuthServices {
  auth: RunningAuthServer;
  github: GitHubStandIn;
  log: string[];
  close: () => Promise<void>;
}

export async function startAuthServices(
  allowedOrigins: string[],
  overrides: Partial<Pick<AuthConfig, 'publicUrl'>> = {},
): Promise<AuthServices> {
  const github = await startGitHubStandIn({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const log: string[] = [];
  const auth = await startAuthServer({
    config: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedOrigins, githubUrl: github.url, ...overrides },
    port: 0,
    log: (line) => log.push(line),
  });
  github.registerCallback(`${overrides.publicUrl ?? auth.url}/callback`);
  return {
    auth,
    github,
    log,
    close: async () => {
      await auth.close();
      await github.close();
    },
  };
}
