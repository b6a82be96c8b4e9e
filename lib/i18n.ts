/**
 * UI strings in English and French. The UI follows the browser's language unless the agent picks one in options.
 * Dates and durations are formatted per locale with Intl.
 */
import type { Category, Severity, UiLanguage } from "./schemas";

export type UiLang = "en" | "fr";

const en = {
  appName: "Apaise",
  complaint: "Complaint",
  queueTitle: "Complaints in this tab",
  queueEmpty: "No complaint detected in this tab yet. Scroll the timeline: complaints are marked as they appear.",
  noTab: "Open x.com in this window to see its complaints.",
  why: "Why it was flagged",
  suggestions: "Suggested replies",
  insert: "Insert",
  inserting: "Inserting…",
  copy: "Copy",
  copied: "Copied",
  dismiss: "Not a complaint",
  back: "Back to the list",
  inserted: "Inserted in the reply box: check it and press Post on the site.",
  insertFailed: "Could not insert",
  openLog: "Reply log",
  options: "Settings",
  severity0: "None",
  severity1: "Disapproval",
  severity2: "Accusation",
  severity3: "Threat",
  status_new: "New",
  status_inserted: "In progress",
  status_posted: "Replied",
  status_dismissed: "Dismissed",
  strategy_acknowledge_dm: "Apologise and move to DM",
  strategy_concrete_fix: "Concrete fix",
  strategy_ask_detail: "Ask for details",
  chars: "characters",
  tooLong: "Too long for this site",
  replies: "replies",
  reposts: "reposts",
  likes: "likes",
  views: "views",
  ago: "ago",
  late: "Past the response-time target",
  logTitle: "Reply log",
  logEmpty: "No reply yet. Replies inserted from the side panel appear here.",
  colTime: "Inserted",
  colAgent: "Agent",
  colPost: "Post",
  colReply: "Reply",
  colResponse: "Response time",
  colStatus: "Status",
  posted: "Posted",
  notPosted: "Not posted yet",
  edited: "edited",
  asSuggested: "as suggested",
  exportJson: "Export JSON",
  entries: "entries",
  entry: "entry",
  settingsTitle: "Apaise settings",
  brandHandles: "Brand handles (one per line, without @)",
  brandKeywords: "Brand keywords (one per line)",
  agentName: "Your name (as signed in replies)",
  signature: "Signature (e.g. ^JD)",
  uiLanguage: "Interface language",
  langAuto: "Browser's language",
  save: "Save",
  saved: "Saved",
  langFallback: "This post is in another language: suggestions are in English.",
  viewPost: "Open the post",
  cat_product: "Product",
  cat_delivery: "Delivery",
  cat_billing: "Billing",
  cat_outage: "Outage",
  cat_service: "Customer service",
  cat_account: "Account",
  cat_pricing: "Pricing",
  cat_other: "Other",
  confidence: "confidence",
  lintOverride: "Insert anyway (the override is logged)",
  precisionTitle: "Detector precision, as judged by agents",
  precisionNone: "not judged yet",
  precisionDetail: "{confirmed} answered, {rejected} not a complaint, {missed} missed",
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  appName: "Apaise",
  complaint: "Plainte",
  queueTitle: "Plaintes dans cet onglet",
  queueEmpty:
    "Aucune plainte détectée dans cet onglet pour l’instant. Faites défiler le fil : les plaintes sont marquées à leur apparition.",
  noTab: "Ouvrez x.com dans cette fenêtre pour voir ses plaintes.",
  why: "Pourquoi ce message est signalé",
  suggestions: "Réponses suggérées",
  insert: "Insérer",
  inserting: "Insertion…",
  copy: "Copier",
  copied: "Copié",
  dismiss: "Pas une plainte",
  back: "Retour à la liste",
  inserted: "Inséré dans la zone de réponse : relisez puis appuyez sur Répondre sur le site.",
  insertFailed: "Insertion impossible",
  openLog: "Journal des réponses",
  options: "Réglages",
  severity0: "Aucune",
  severity1: "Mécontentement",
  severity2: "Accusation",
  severity3: "Menace",
  status_new: "Nouveau",
  status_inserted: "En cours",
  status_posted: "Répondu",
  status_dismissed: "Écarté",
  strategy_acknowledge_dm: "S’excuser et passer en privé",
  strategy_concrete_fix: "Solution concrète",
  strategy_ask_detail: "Demander des précisions",
  chars: "caractères",
  tooLong: "Trop long pour ce site",
  replies: "réponses",
  reposts: "reposts",
  likes: "j’aime",
  views: "vues",
  ago: "",
  late: "Délai de réponse dépassé",
  logTitle: "Journal des réponses",
  logEmpty: "Aucune réponse pour l’instant. Les réponses insérées depuis le panneau apparaissent ici.",
  colTime: "Insérée",
  colAgent: "Agent",
  colPost: "Message",
  colReply: "Réponse",
  colResponse: "Délai de réponse",
  colStatus: "État",
  posted: "Publiée",
  notPosted: "Pas encore publiée",
  edited: "modifiée",
  asSuggested: "telle que suggérée",
  exportJson: "Exporter en JSON",
  entries: "entrées",
  entry: "entrée",
  settingsTitle: "Réglages d’Apaise",
  brandHandles: "Comptes de la marque (un par ligne, sans @)",
  brandKeywords: "Mots-clés de la marque (un par ligne)",
  agentName: "Votre prénom (signature des réponses)",
  signature: "Signature (ex. ^JD)",
  uiLanguage: "Langue de l’interface",
  langAuto: "Langue du navigateur",
  save: "Enregistrer",
  saved: "Enregistré",
  langFallback: "Ce message est dans une autre langue : les suggestions sont en anglais.",
  viewPost: "Ouvrir le message",
  cat_product: "Produit",
  cat_delivery: "Livraison",
  cat_billing: "Facturation",
  cat_outage: "Panne",
  cat_service: "Service client",
  cat_account: "Compte",
  cat_pricing: "Prix",
  cat_other: "Autre",
  confidence: "confiance",
  lintOverride: "Insérer quand même (ce choix est journalisé)",
  precisionTitle: "Précision du détecteur, jugée par les agents",
  precisionNone: "pas encore jugée",
  precisionDetail: "{confirmed} traitées, {rejected} pas une plainte, {missed} manquées",
};

const dictionaries: Record<UiLang, Record<MessageKey, string>> = { en, fr };

export function resolveUiLang(choice: UiLanguage, browserLang: string | undefined): UiLang {
  if (choice !== "auto") return choice;
  return browserLang?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function t(lang: UiLang, key: MessageKey): string {
  return dictionaries[lang][key];
}

/** A message with {name} placeholders filled in. */
export function tf(lang: UiLang, key: MessageKey, vars: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function categoryName(lang: UiLang, category: Category): string {
  return t(lang, `cat_${category}`);
}

export function severityName(lang: UiLang, severity: Severity): string {
  return t(lang, `severity${severity}`);
}

export function percent(value: number, lang: UiLang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-US", { style: "percent" }).format(value);
}

/** "12 min", "3 h", "2 d" / "2 j": short enough for a badge. */
export function formatAge(ms: number, lang: UiLang): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 1) return lang === "fr" ? "à l’instant" : "now";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  const d = Math.floor(h / 24);
  return lang === "fr" ? `${d} j` : `${d} d`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${String(s % 60).padStart(2, "0")} s`;
  const h = Math.floor(min / 60);
  return `${h} h ${String(min % 60).padStart(2, "0")}`;
}

export function formatDateTime(ms: number, lang: UiLang): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "short",
    timeStyle: "short",
  }).format(ms);
}

export function formatCount(n: number | null, lang: UiLang): string {
  if (n === null) return "—";
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-US", { notation: "compact" }).format(n);
}
