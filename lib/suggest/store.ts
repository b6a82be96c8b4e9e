/**
 * The team's playbook in the extension's storage (`local:playbook`, see lib/settings.ts): read with a fallback
 * to the built-in one, saved only when valid. Sync (later) pushes and pulls the same item: it calls
 * `savePlaybook(json, { keepRevision: true })` with what the team endpoint sends.
 */
import { playbookItem } from "../settings";
import { DEFAULT_PLAYBOOK, type Playbook, type PlaybookResult, parsePlaybook } from "./playbook";

export { playbookItem };

/** A stored value as a playbook: the built-in one when nothing is stored or what is stored no longer parses. */
export function playbookFrom(raw: unknown): Playbook {
  if (raw === null || raw === undefined) return DEFAULT_PLAYBOOK;
  const parsed = parsePlaybook(raw);
  return parsed.ok ? parsed.playbook : DEFAULT_PLAYBOOK;
}

export async function getPlaybook(): Promise<Playbook> {
  return playbookFrom(await playbookItem.getValue());
}

export interface SaveMeta {
  /** Who saves (the agent name from the settings). */
  updatedBy?: string;
  /** Epoch ms; default now. */
  now?: number;
  /** Store the revision and authorship as they are (a playbook received from the team, not an edit). */
  keepRevision?: boolean;
}

/**
 * Validates and stores a playbook (JSON text or value, format 2 or 1). Invalid: the errors, nothing stored, the
 * previous playbook stays. Valid: stored with the next revision (one more than both the stored and the given
 * ones), the time and the author, unless `keepRevision`.
 */
export async function savePlaybook(json: unknown, meta: SaveMeta = {}): Promise<PlaybookResult> {
  const parsed = parsePlaybook(json);
  if (!parsed.ok) return parsed;
  let playbook = parsed.playbook;
  if (!meta.keepRevision) {
    const current = await getPlaybook();
    playbook = {
      ...playbook,
      revision: Math.max(playbook.revision, current.revision) + 1,
      updatedAt: new Date(meta.now ?? Date.now()).toISOString(),
      updatedBy: (meta.updatedBy ?? playbook.updatedBy).slice(0, 100),
    };
  }
  await playbookItem.setValue(playbook);
  return { ok: true, playbook, migratedFrom: parsed.migratedFrom };
}

/** Back to the built-in playbook, as a new revision (so that sync carries the reset to the team). */
export function resetPlaybook(meta: SaveMeta = {}): Promise<PlaybookResult> {
  return savePlaybook(DEFAULT_PLAYBOOK, meta);
}

/** Calls `onChange` with the parsed playbook whenever the stored one changes (another page, sync). */
export function watchPlaybook(onChange: (playbook: Playbook) => void): () => void {
  return playbookItem.watch((raw) => onChange(playbookFrom(raw)));
}
