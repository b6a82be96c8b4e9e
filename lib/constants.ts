/** The domain's closed lists, without Zod: pure cores (the classifier) import them from here. */
export const SITE_IDS = [
  "x",
  "reddit",
  "mastodon",
  "bluesky",
  "instagram",
  "youtube",
  "tiktok",
  "threads",
  "linkedin",
  "facebook",
] as const;

/** The sites' names as agents know them (each adapter's `name`; the registry test checks they agree). */
export const SITE_NAMES: Readonly<Record<(typeof SITE_IDS)[number], string>> = {
  x: "X",
  reddit: "Reddit",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  instagram: "Instagram",
  youtube: "YouTube",
  tiktok: "TikTok",
  threads: "Threads",
  linkedin: "LinkedIn",
  facebook: "Facebook",
};

/** The languages the detector tells apart; "und" when it cannot say. */
export const DETECTION_LANGS = ["fr", "en", "es", "de", "it", "pt", "und"] as const;

/** The side panel's and the badges' language: the browser's ("auto"), English or French. */
export const UI_LANGUAGES = ["auto", "en", "fr"] as const;

export const CATEGORIES = [
  "product",
  "delivery",
  "billing",
  "outage",
  "service",
  "account",
  "pricing",
  "other",
] as const;

/**
 * Reply strategies a playbook holds templates for. The first three are the classic answer to a new complaint;
 * "follow-up" is for a customer who already got an answer, "hand-off" passes a severe case to a lead.
 */
export const PLAYBOOK_STRATEGIES = ["acknowledge-dm", "concrete-fix", "ask-detail", "follow-up", "hand-off"] as const;

/** Every strategy a suggestion may carry: the playbook's, plus "personalised" (written by the on-device AI). */
export const STRATEGIES = [...PLAYBOOK_STRATEGIES, "personalised"] as const;

/**
 * A complaint's life: new → in-progress (an agent opened it) → inserted (a reply is in the site's composer: "replied")
 * → posted (the agent pressed the site's Post); or dismissed ("not a complaint"), or escalated (to a lead,
 * communications or legal, with a note).
 */
export const COMPLAINT_STATUSES = ["new", "in-progress", "inserted", "posted", "dismissed", "escalated"] as const;

/** Who an escalated complaint goes to. */
export const ESCALATION_TARGETS = ["lead", "communications", "legal"] as const;

export const FEEDBACK_VERDICTS = ["not-complaint", "missed-complaint"] as const;
