export {};

declare global {
  /** The app's version from package.json, injected at build time. */
  const __APP_VERSION__: string;
  /** True only in the upgrade test's second build, which bundles one more migration. */
  const __EXTRA_MIGRATIONS__: boolean;
}
