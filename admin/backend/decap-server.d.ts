/** decap-server's middlewares (`decap-server/dist/middlewares.js`, CommonJS, without types of its own). */
declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';
  interface Options {
    logLevel?: string;
  }
  const middlewares: {
    /** Adds logging, CORS, JSON parsing and the `fs` mode API on `/api/v1`; the repository is `GIT_REPO_DIRECTORY` or the working directory. */
    registerLocalFs: (app: Express, options?: Options) => Promise<void>;
    /** The same with the `git` mode API (editorial workflow on `cms/…` branches). */
    registerLocalGit: (app: Express, options?: Options) => Promise<void>;
  };
  export default middlewares;
}
