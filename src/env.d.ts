/// <reference types="astro/client" />

// Plain `tsc` cannot read .astro files (`astro check` can, and checks them); this tells it
// what importing one gives, so TypeScript modules that import components type-check too.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
