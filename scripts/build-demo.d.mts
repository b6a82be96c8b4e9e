/** Types for scripts/build-demo.mjs (plain JS so `node scripts/build-demo.mjs` runs without a TS loader). */
export declare const DEMO_DIR: string;
export declare const DEMO_DIST: string;
export declare function buildDemo(opts?: { outdir?: string; minify?: boolean }): Promise<{ outdir: string }>;
export declare function demoResponse(
  pathname: string,
  dir?: string,
): { body: Buffer; contentType: string; status: number };
export declare function serveDemo(opts?: {
  port?: number;
  host?: string;
  build?: boolean;
}): Promise<{ url: string; close: () => Promise<void> }>;
