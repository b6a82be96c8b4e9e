/**
 * The last health report of each tab (lib/content/health.ts), written by the background when a content script
 * reports one and read by the side panel. Session storage: it describes pages open now, not history.
 */
import { storage } from "wxt/utils/storage";
import { HealthReport } from "../schemas";

type TabHealth = Record<string, HealthReport>;

export const healthItem = storage.defineItem<TabHealth>("session:health", { fallback: {} });

/** At most this many tabs are remembered: the oldest reports go first. */
const MAX_TABS = 50;

/**
 * Records `report` for the tab, or forgets the tab's report when the adapter reads the page again (`null`).
 * `undefined` (a content script that does not report health) changes nothing.
 */
export async function saveTabHealth(tabId: number, report: HealthReport | null | undefined): Promise<void> {
  if (report === undefined) return;
  const all = await healthItem.getValue();
  const key = String(tabId);
  if (report === null) {
    if (!(key in all)) return;
    const { [key]: _, ...rest } = all;
    await healthItem.setValue(rest);
    return;
  }
  const parsed = HealthReport.safeParse(report);
  if (!parsed.success) return;
  const next = Object.entries({ ...all, [key]: parsed.data })
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_TABS);
  await healthItem.setValue(Object.fromEntries(next));
}
