/**
 * The Decap packages besides `decap-cms-core` ship no type declarations. These describe the
 * parts the admin uses.
 */
declare module 'decap-cms-backend-github' {
  export const GitHubBackend: unknown;
}
declare module 'decap-cms-backend-gitlab' {
  export const GitLabBackend: unknown;
}
declare module 'decap-cms-backend-gitea' {
  export const GiteaBackend: unknown;
}
declare module 'decap-cms-backend-proxy' {
  export const ProxyBackend: unknown;
}
declare module 'decap-cms-locales/dist/esm/pl' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
declare module 'decap-cms-locales/dist/esm/en' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
declare module 'decap-cms-widget-*' {
  const widget: { Widget: () => { name: string } };
  export default widget;
}
