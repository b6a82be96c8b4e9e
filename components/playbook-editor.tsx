/**
 * The team's reply playbook, for a team lead: the whole document as JSON, plus form fields for the voice (which
 * edit the JSON). Validate runs the schema and the tone linter over every template; Save stores only a valid
 * playbook whose templates the linter does not block, as the next revision; an invalid one is never stored and
 * the previous one stays. Export downloads the saved playbook (to share it, or to run `npm run playbook:lint`).
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { formatDateTime, t, tf, type UiLang } from "@/lib/i18n";
import { checkPlaybook, type PlaybookProblem } from "@/lib/suggest/check";
import { DEFAULT_PLAYBOOK, type Playbook, parsePlaybook } from "@/lib/suggest/playbook";
import { getPlaybook, resetPlaybook, savePlaybook, watchPlaybook } from "@/lib/suggest/store";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

type VoiceDraft = { formality?: unknown; emoji?: unknown; signature?: unknown };

/** The `voice` object of the JSON text, or null when the text is not a JSON object. */
function voiceOf(text: string): VoiceDraft | null {
  try {
    const value = JSON.parse(text) as { voice?: unknown } | null;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
    return value.voice !== null && typeof value.voice === "object" ? (value.voice as VoiceDraft) : {};
  } catch {
    return null;
  }
}

/** `open`: shown unfolded (the first-run setup, where the voice is one of the steps). */
export function PlaybookEditor({ lang, agent = "", open = false }: { lang: UiLang; agent?: string; open?: boolean }) {
  const [stored, setStored] = useState<Playbook>(DEFAULT_PLAYBOOK);
  const [text, setText] = useState(() => pretty(DEFAULT_PLAYBOOK));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [problems, setProblems] = useState<PlaybookProblem[]>([]);
  const [status, setStatus] = useState("");

  useEffect(() => {
    let live = true;
    void getPlaybook().then((p) => live && setStored(p));
    const unwatch = watchPlaybook(setStored);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  // A playbook saved elsewhere (another options tab, sync) replaces the text, unless the lead is editing it.
  useEffect(() => {
    if (!dirty) setText(pretty(stored));
  }, [stored, dirty]);

  const voice = useMemo(() => voiceOf(text), [text]);
  const edit = (next: string) => {
    setText(next);
    setDirty(true);
  };
  const setVoice = (field: keyof VoiceDraft, value: unknown) => {
    try {
      const doc = JSON.parse(text) as { voice?: Record<string, unknown> };
      doc.voice = { ...(doc.voice ?? {}), [field]: value };
      edit(pretty(doc));
    } catch {
      // The fields are disabled while the JSON does not parse.
    }
  };

  /** Parse and lint; show what is wrong. The parsed playbook when it may be saved. */
  const validate = (): Playbook | null => {
    const parsed = parsePlaybook(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setProblems([]);
      setStatus(t(lang, "playbookInvalid"));
      return null;
    }
    const check = checkPlaybook(parsed.playbook);
    setErrors([]);
    setProblems(check.problems);
    if (check.problems.some((p) => p.level === "block")) {
      setStatus(t(lang, "playbookBlocked"));
      return null;
    }
    const valid = tf(lang, "playbookValid", {
      templates: check.templates,
      renders: check.renders,
      warnings: check.problems.length,
    });
    setStatus(parsed.migratedFrom ? `${valid} ${t(lang, "playbookMigrated")}` : valid);
    return parsed.playbook;
  };

  const save = async () => {
    if (!validate()) return;
    const result = await savePlaybook(text, { updatedBy: agent });
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(t(lang, "playbookInvalid"));
      return;
    }
    setStored(result.playbook);
    setText(pretty(result.playbook));
    setDirty(false);
    setStatus(tf(lang, "playbookSaved", { revision: result.playbook.revision }));
  };

  const reset = async () => {
    if (!confirm(t(lang, "playbookResetConfirm"))) return;
    const result = await resetPlaybook({ updatedBy: agent });
    if (!result.ok) return; // the built-in playbook is valid: cannot happen
    setStored(result.playbook);
    setText(pretty(result.playbook));
    setDirty(false);
    setErrors([]);
    setProblems([]);
    setStatus(tf(lang, "playbookSaved", { revision: result.playbook.revision }));
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([`${pretty(stored)}\n`], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `apaise-playbook-r${stored.revision}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  return (
    // Closed by default: a team lead's tool, and the agent's settings stay the page's first (and only) "Save".
    <details class="options playbook" data-testid="playbook-editor" open={open}>
      <summary>
        <strong>{t(lang, "playbookTitle")}</strong>
      </summary>
      <p class="hint">{t(lang, "playbookHelp")}</p>
      <p class="hint" data-testid="playbook-revision">
        {stored.updatedAt
          ? tf(lang, "playbookRevision", {
              revision: stored.revision,
              when: formatDateTime(Date.parse(stored.updatedAt), lang),
              who: stored.updatedBy || "—",
            })
          : tf(lang, "playbookBuiltIn", { revision: stored.revision })}
      </p>
      <label>
        {t(lang, "voiceFormality")}
        <select
          name="voiceFormality"
          disabled={!voice}
          value={voice?.formality === "tu" ? "tu" : "vous"}
          onChange={(e) => setVoice("formality", (e.target as HTMLSelectElement).value)}
        >
          <option value="vous">{t(lang, "voiceVous")}</option>
          <option value="tu">{t(lang, "voiceTu")}</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="voiceEmoji"
          disabled={!voice}
          checked={voice?.emoji === true}
          onChange={(e) => setVoice("emoji", (e.target as HTMLInputElement).checked)}
        />{" "}
        {t(lang, "voiceEmoji")}
      </label>
      <label>
        {t(lang, "voiceSignature")}
        <input
          name="voiceSignature"
          maxLength={30}
          disabled={!voice}
          value={typeof voice?.signature === "string" ? voice.signature : ""}
          onInput={(e) => setVoice("signature", (e.target as HTMLInputElement).value)}
        />
      </label>
      {voice ? null : <p class="hint">{t(lang, "playbookJsonFirst")}</p>}
      <label>
        JSON
        <textarea
          name="playbook"
          rows={18}
          spellcheck={false}
          value={text}
          onInput={(e) => edit((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="actions">
        <button type="button" onClick={() => void validate()}>
          {t(lang, "playbookValidate")}
        </button>
        <button type="button" class="primary" data-testid="playbook-save" onClick={() => void save()}>
          {t(lang, "playbookSave")}
        </button>
        <button type="button" onClick={() => void reset()}>
          {t(lang, "playbookReset")}
        </button>
        <button type="button" onClick={exportFile}>
          {t(lang, "playbookExport")}
        </button>
        <span role="status" data-testid="playbook-status">
          {status}
        </span>
      </div>
      {errors.length > 0 ? (
        <ul class="lint" data-testid="playbook-errors">
          {errors.map((e) => (
            <li key={e} class="lint-block">
              {e}
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ul class="lint" data-testid="playbook-problems">
          {problems.map((p) => (
            <li key={`${p.path}|${p.rule}|${p.excerpt}`} class={`lint-${p.level}`}>
              <code>{p.path}</code> <strong>{p.message[lang]}</strong> {p.excerpt ? <q>{p.excerpt}</q> : null}{" "}
              <span class="muted">({p.where})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
