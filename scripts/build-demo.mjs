/**
 * Builds the X-like demo page (demo/) into demo/dist and serves it.
 *
 *   node scripts/build-demo.mjs            build once
 *   node scripts/build-demo.mjs --serve    build, then serve on http://127.0.0.1:5175 (--port N to change)
 *
 * The page is a single-page app: every path that is not an asset gets index.html, as x.com does, so
 * /home, /<handle> and /<handle>/status/<id> all work. `demoResponse` is that rule, shared with the e2e tests
 * (which serve the same files at https://x.com/* through Playwright's context.route).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_DIR = join(ROOT, "demo");
export const DEMO_DIST = join(DEMO_DIR, "dist");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * Bundles demo/main.tsx (React 18 + Draft.js) to demo/dist/demo.js and writes demo.css (Draft.js's base styles,
 * which place the placeholder, followed by the demo's own) and index.html next to it.
 * @param {{ outdir?: string, minify?: boolean }} [opts]
 * @returns {Promise<{ outdir: string }>}
 */
export async function buildDemo(opts = {}) {
  const outdir = opts.outdir ?? DEMO_DIST;
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(DEMO_DIR, "main.tsx")],
    outfile: join(outdir, "demo.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "react",
    minify: opts.minify ?? true,
    sourcemap: true,
    // React and fbjs (Draft.js) branch on these at run time; "production" drops React's dev-only checks.
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    logLevel: "warning",
  });
  const require = createRequire(import.meta.url);
  const draftCss = readFileSync(require.resolve("draft-js/dist/Draft.css"), "utf8");
  const ownCss = readFileSync(join(DEMO_DIR, "style.css"), "utf8");
  writeFileSync(join(outdir, "demo.css"), `${draftCss}\n${ownCss}`);
  copyFileSync(join(DEMO_DIR, "index.html"), join(outdir, "index.html"));
  return { outdir };
}

/**
 * What the demo serves for a URL path: the asset when it is one, index.html otherwise.
 * @param {string} pathname
 * @param {string} [dir]
 * @returns {{ body: Buffer, contentType: string, status: number }}
 */
export function demoResponse(pathname, dir = DEMO_DIST) {
  const asset = /^\/(demo\.(?:js|css|js\.map))$/.exec(pathname)?.[1];
  const file = asset ?? "index.html";
  const ext = file.slice(file.lastIndexOf("."));
  return {
    body: readFileSync(join(dir, file)),
    contentType: CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (ext)] ?? "application/octet-stream",
    status: 200,
  };
}

/**
 * Serves demo/dist over HTTP (building it first unless `build: false`).
 * @param {{ port?: number, host?: string, build?: boolean }} [opts]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveDemo(opts = {}) {
  if (opts.build !== false) await buildDemo();
  const host = opts.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    try {
      const { body, contentType, status } = demoResponse(new URL(req.url ?? "/", "http://demo").pathname);
      res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`demo: ${err instanceof Error ? err.message : String(err)} (run node scripts/build-demo.mjs)`);
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 5175, host, () => ok(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    url: `http://${host}:${port}/home`,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes("--serve")) {
    const portArg = args[args.indexOf("--port") + 1];
    const { url } = await serveDemo({ port: args.includes("--port") ? Number(portArg) : undefined });
    console.log(`Apaise demo: ${url}  (?theme=dark, ?posts=200, /camille_rx/status/<id>)`);
  } else {
    const { outdir } = await buildDemo();
    console.log(`Apaise demo built in ${outdir}`);
  }
}
