/**
 * Side panel: says so when the site adapter no longer reads the current tab's page (lib/content/health.ts), naming
 * the site and the part that stopped working, so an empty queue is not mistaken for "no complaint".
 */
import { useEffect, useState } from "preact/hooks";
import { healthItem } from "@/lib/content/health-store";
import { t, tf, type UiLang } from "@/lib/i18n";
import type { HealthReport } from "@/lib/schemas";
import { adapterFor } from "@/lib/sites";

/** Inline: the panel's stylesheet belongs to the panel; this notice stays self-contained. */
const NOTICE_STYLE = {
  margin: "8px 12px",
  padding: "8px 10px",
  border: "1px solid #f59e0b",
  borderRadius: "6px",
  background: "#fffbeb",
  color: "#78350f",
  fontSize: "13px",
};

const PART_KEY = { posts: "healthPosts", text: "healthText", author: "healthAuthor" } as const;

export function HealthNotice({ tabId, lang }: { tabId: number | null; lang: UiLang }) {
  const [report, setReport] = useState<HealthReport | null>(null);
  useEffect(() => {
    if (tabId === null) {
      setReport(null);
      return;
    }
    const pick = (all: Record<string, HealthReport> | null) => setReport(all?.[String(tabId)] ?? null);
    void healthItem.getValue().then(pick);
    return healthItem.watch(pick);
  }, [tabId]);
  if (!report) return null;
  const site = adapterFor(report.site).name;
  return (
    <div
      class="health-notice"
      role="alert"
      data-testid="health-notice"
      data-site={report.site}
      data-part={report.broken}
      style={NOTICE_STYLE}
    >
      <strong>{tf(lang, "healthTitle", { site })}</strong>
      <p>{tf(lang, PART_KEY[report.broken], { count: report.postLike })}</p>
      <p class="hint">{t(lang, "healthHint")}</p>
    </div>
  );
}
