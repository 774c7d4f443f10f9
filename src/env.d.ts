export {};

declare global {
  /** The app's version from package.json, injected at build time. */
  const __APP_VERSION__: string;
  /**
   * '' in every real build. End-to-end tests build the app with test-only migrations appended: 'next' (one more
   * migration, the upgrade test) or 'slow' (a migration slow enough to interrupt, the fault test).
   */
  const __EXTRA_MIGRATIONS__: '' | 'next' | 'slow';
}
