/** The domain's closed lists, without Zod: pure cores (the classifier) import them from here. */
export const SITE_IDS = ["x"] as const;

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

export const STRATEGIES = ["acknowledge-dm", "concrete-fix", "ask-detail"] as const;

export const COMPLAINT_STATUSES = ["new", "inserted", "posted", "dismissed"] as const;

export const FEEDBACK_VERDICTS = ["not-complaint", "missed-complaint"] as const;
