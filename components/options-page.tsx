/**
 * Settings, and the first-run setup (`?setup`): the agent and the brand, the sites Apaise works on, the response
 * target, log retention, language; then the team endpoint, Mastodon instances, local data and the playbook (voice).
 */
import { useEffect, useState } from "preact/hooks";
import { SITE_IDS, SITE_NAMES } from "@/lib/constants";
import { t } from "@/lib/i18n";
import { Settings, type SiteId, UiLanguage } from "@/lib/schemas";
import { saveSettings } from "@/lib/settings";
import { DataSection } from "./data-section";
import { MastodonInstances } from "./mastodon-instances";
import { PlaybookEditor } from "./playbook-editor";
import { TeamSettings } from "./team-settings";
import { useSettings } from "./use-settings";

const lines = (s: string) =>
  s
    .split(/\n|,/)
    .map((x) => x.trim().replace(/^@/, ""))
    .filter(Boolean);

export function OptionsPage() {
  const { settings, lang } = useSettings();
  const setup = new URLSearchParams(location.search).has("setup");
  const [draft, setDraft] = useState({
    handles: "",
    keywords: "",
    agentName: "",
    signature: "",
    uiLanguage: "auto",
    threshold: "0.5",
    target: "60",
    retention: "365",
  });
  const [disabled, setDisabled] = useState<readonly SiteId[]>([]);
  const [status, setStatus] = useState<string>("");
  useEffect(() => {
    setDraft({
      handles: settings.brandHandles.join("\n"),
      keywords: settings.brandKeywords.join("\n"),
      agentName: settings.agentName,
      signature: settings.signature,
      uiLanguage: settings.uiLanguage,
      threshold: String(settings.complaintThreshold),
      target: String(settings.responseTargetMinutes),
      retention: String(settings.retentionDays),
    });
    setDisabled(settings.disabledSites);
  }, [settings]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = Settings.safeParse({
      ...settings,
      brandHandles: lines(draft.handles),
      brandKeywords: lines(draft.keywords),
      agentName: draft.agentName.trim(),
      signature: draft.signature.trim(),
      uiLanguage: UiLanguage.safeParse(draft.uiLanguage).data ?? "auto",
      complaintThreshold: Number(draft.threshold.replace(",", ".")),
      responseTargetMinutes: Number(draft.target),
      retentionDays: Number(draft.retention),
      disabledSites: SITE_IDS.filter((id) => disabled.includes(id)),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setStatus(`${issue?.path.join(".")}: ${issue?.message}`);
      return;
    }
    await saveSettings(parsed.data);
    setStatus(t(lang, "saved"));
  };

  const field = (key: keyof typeof draft) => ({
    value: draft[key],
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value }),
  });

  return (
    <>
      <form class="options" onSubmit={(e) => void submit(e)}>
        <h1>
          <img src="/icon/32.png" alt="" width={22} height={22} /> {t(lang, "settingsTitle")}
        </h1>
        {setup ? (
          <div class="welcome" data-testid="welcome">
            <strong>{t(lang, "welcomeTitle")}</strong>
            <p>{t(lang, "welcomeText")}</p>
            <ol>
              {t(lang, "setupSteps")
                .split("|")
                .map((step) => (
                  <li key={step}>{step}</li>
                ))}
            </ol>
          </div>
        ) : null}
        <label>
          {t(lang, "agentName")}
          <input name="agentName" autocomplete="given-name" {...field("agentName")} />
        </label>
        <label>
          {t(lang, "signature")}
          <input name="signature" {...field("signature")} />
        </label>
        <label>
          {t(lang, "brandHandles")}
          <textarea name="brandHandles" rows={3} {...field("handles")} />
        </label>
        <label>
          {t(lang, "brandKeywords")}
          <textarea name="brandKeywords" rows={3} {...field("keywords")} />
        </label>
        <fieldset class="sites" data-testid="sites">
          <legend>{t(lang, "sitesLegend")}</legend>
          {SITE_IDS.map((id) => (
            <label key={id} class="check">
              <input
                type="checkbox"
                name={`site-${id}`}
                checked={!disabled.includes(id)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  setDisabled(on ? disabled.filter((d) => d !== id) : [...disabled, id]);
                }}
              />
              {SITE_NAMES[id]}
            </label>
          ))}
          <span class="hint">{t(lang, "sitesHint")}</span>
        </fieldset>
        <label>
          {t(lang, "responseTarget")}
          <input name="responseTargetMinutes" type="number" min={5} max={1440} step={5} {...field("target")} />
        </label>
        <label>
          {t(lang, "threshold")}
          <input name="complaintThreshold" type="number" min={0.05} max={0.95} step={0.05} {...field("threshold")} />
          <span class="hint">{t(lang, "thresholdHint")}</span>
        </label>
        <label>
          {t(lang, "retentionDays")}
          <input name="retentionDays" type="number" min={0} max={36500} step={1} {...field("retention")} />
        </label>
        <label>
          {t(lang, "uiLanguage")}
          <select name="uiLanguage" {...field("uiLanguage")}>
            <option value="auto">{t(lang, "langAuto")}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            {t(lang, "save")}
          </button>
          <span role="status">{status}</span>
        </div>
      </form>
      <TeamSettings settings={settings} lang={lang} />
      <MastodonInstances lang={lang} />
      <DataSection lang={lang} />
      <PlaybookEditor lang={lang} agent={settings.agentName} open={setup} />
    </>
  );
}
