/**
 * Prints the posts a site adapter reads in a saved page, one JSON line per post:
 *
 *   npm run --silent extract -- --site SITE [--base URL] FILE.html
 *
 * SITE: x, reddit, bluesky, mastodon, linkedin, facebook, instagram, threads, youtube or tiktok (lib/sites).
 * --base is the page's URL (it resolves relative links and, for Mastodon, names the instance); by default the
 * site's own (the adapter's `defaultBase`: https://x.com/, https://www.reddit.com/, https://mastodon.social/…).
 * For checking an adapter against a fresh capture of the site. Scripts in the page are never run.
 * Exit codes: 0 done, 1 unexpected failure, 2 bad usage (unknown site, missing or unreadable file, bad --base).
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import type { PostSnapshot } from "../lib/schemas";
import { SITE_ADAPTERS, type SiteAdapter } from "../lib/sites";

const ADAPTERS: Readonly<Record<string, SiteAdapter>> = Object.fromEntries(SITE_ADAPTERS.map((a) => [a.id, a]));
const USAGE = `usage: extract --site <${Object.keys(ADAPTERS).join("|")}> [--base URL] FILE.html`;

class UsageError extends Error {}

interface Options {
  readonly site: string;
  readonly base: URL | null;
  readonly file: string;
}

function flagValue(argv: readonly string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}

function toUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new UsageError(`--base is not a URL: ${text}`);
  }
}

function parseArgs(argv: readonly string[]): Options {
  let site: string | undefined;
  let base: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === "--site" || flag === "--base") {
      const value = inline ?? flagValue(argv, i, flag);
      if (inline === undefined) i++;
      if (flag === "--site") site = value;
      else base = value;
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!site) throw new UsageError("--site is required");
  if (!(site in ADAPTERS)) throw new UsageError(`unknown site "${site}" (known: ${Object.keys(ADAPTERS).join(", ")})`);
  if (files.length !== 1 || !files[0]) throw new UsageError("exactly one FILE.html is required");
  return { site, base: base === null ? null : toUrl(base), file: files[0] };
}

/** The fields worth eyeballing, in a stable order; `quoted` only when there is one. */
function line(post: PostSnapshot): string {
  const { id, author, name, text, url, postedAt, promoted, metrics, quoted } = post;
  const out = { id, author, name, text, url, postedAt, promoted, metrics, ...(quoted ? { quoted } : {}) };
  return JSON.stringify(out);
}

function readPage(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

function run(argv: readonly string[]): string[] {
  const options = parseArgs(argv);
  const adapter = ADAPTERS[options.site];
  if (!adapter) throw new UsageError(`unknown site "${options.site}"`);
  const html = readPage(options.file);
  // No `url` option: the page's own relative links resolve against --base in the adapter, and jsdom
  // keeps scripts disabled by default.
  const { document } = new JSDOM(html).window;
  const base = options.base ?? new URL(adapter.defaultBase);
  return adapter.findPosts(document).flatMap((post) => {
    const snapshot = adapter.extractPost(post, base);
    return snapshot ? [line(snapshot)] : [];
  });
}

function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    for (const out of run(argv)) process.stdout.write(`${out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`extract: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`extract: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// `extract … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
