declare const __BUILD_ID__: string | undefined;

/**
 * Which build of the app this page runs (vite.config.ts bakes it in from
 * MALPRO_BUILD_ID, or the package version and build time). Shown on /pengaturan
 * and in <meta name="malpro-build">.
 */
export const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';
