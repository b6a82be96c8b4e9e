/** Where the server's database is, from the environment, shared by `npm run server` and the admin CLI. */
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeUrl, type OpenDbOptions } from "./db";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** PGlite's data directory when neither DATABASE_URL nor APAISE_DATA is set (git-ignored). */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, ".apaise-server");

/** DATABASE_URL (PostgreSQL), else PGlite in APAISE_DATA (default `.apaise-server/`; `memory://` for none). */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDbOptions & { description: string } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, description: `PostgreSQL ${describeUrl(env.DATABASE_URL)}` };
  const dataDir = env.APAISE_DATA || DEFAULT_DATA_DIR;
  return {
    dataDir,
    description: dataDir === "memory://" ? "PGlite in memory (nothing is kept)" : `PGlite in ${dataDir}`,
  };
}

/** Whether the module with this `import.meta.url` is the script node was started with. */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(fileURLToPath(metaUrl)) === realpathSync(entry);
  } catch {
    return false;
  }
}
