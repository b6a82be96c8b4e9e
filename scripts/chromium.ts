/**
 * Launches Debian's Chromium with the built extension, through playwright-core (never a downloaded browser).
 * Shared by the end-to-end tests, `npm start` and `npm run bench`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..");
/** The built extension; APAISE_OUT_DIR matches wxt.config.ts's outDir when set. */
export const EXTENSION_DIR = join(ROOT, process.env.APAISE_OUT_DIR ?? ".output", "chrome-mv3");
export const OUTPUT_DIR = join(ROOT, "test-output");

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error("Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH");
}

export interface Launched {
  context: BrowserContext;
  extensionId: string | null;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with the built extension (unless `extension: false`), HOME and XDG_* in a temporary
 * folder removed on close. `home`: a folder the caller keeps instead (not removed), so a second launch finds the
 * profile the first one left (tests/e2e/sites.test.ts relaunches on a profile that records a granted permission).
 */
export async function launch(opts: { extension?: boolean; headless?: boolean; home?: string } = {}): Promise<Launched> {
  const withExtension = opts.extension ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first`);
  }
  const home = opts.home ?? mkdtempSync(join(tmpdir(), "apaise-chromium-"));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_DATA_HOME: join(home, ".local/share"),
  } as Record<string, string>;
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=en-US",
  ];
  if (withExtension) args.unshift(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(join(home, "profile"), {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    args,
    env,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
  });
  let extensionId: string | null = null;
  if (withExtension) {
    let worker: Worker | undefined = context.serviceWorkers()[0];
    worker ??= await context.waitForEvent("serviceworker", { timeout: 20_000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close().catch(() => {});
      if (!opts.home) rmSync(home, { recursive: true, force: true });
    },
  };
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}

/**
 * Records in the (closed) profile that the agent allowed `origins` for the extension: the permission sets Chromium
 * keeps for it in the profile's Preferences (granted, active and runtime-granted hosts, explicit and scriptable),
 * which is where an accepted `permissions.request` prompt ends up. Headless Chromium leaves that prompt unanswered
 * (the request neither resolves nor grants), and neither `--apps-gallery-install-auto-confirm-for-tests` nor
 * chrome://extensions' "site access" (developerPrivate.addHostPermission, which does not make an optional host
 * active) answers it; this stands in for the agent's click on "Allow" and nothing else. Chromium on Linux does not
 * enforce the Preferences MAC, and reads the grant at the next launch.
 */
export function grantInProfile(home: string, extensionId: string, origins: readonly string[]): void {
  const file = join(home, "profile", "Default", "Preferences");
  const prefs = JSON.parse(readFileSync(file, "utf8")) as {
    extensions?: { settings?: Record<string, Record<string, Record<string, string[]> | undefined>> };
  };
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`The profile has no settings for extension ${extensionId}`);
  for (const key of ["granted_permissions", "active_permissions", "runtime_granted_permissions"]) {
    const set = settings[key] ?? {};
    for (const hosts of ["explicit_host", "scriptable_host"])
      set[hosts] = [...new Set([...(set[hosts] ?? []), ...origins])];
    settings[key] = set;
  }
  writeFileSync(file, JSON.stringify(prefs));
}
