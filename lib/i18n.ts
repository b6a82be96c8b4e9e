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
  "status_in-progress": "In progress",
  status_inserted: "Replied",
  status_posted: "Posted",
  status_dismissed: "Dismissed",
  status_escalated: "Escalated",
  strategy_acknowledge_dm: "Apologise and move to DM",
  strategy_concrete_fix: "Concrete fix",
  strategy_ask_detail: "Ask for details",
  strategy_follow_up: "Follow up and close",
  strategy_hand_off: "Hand off to a lead",
  strategy_personalised: "Personalised",
  suggestionFallback: "In English: no templates in this post's language ({lang}) yet.",
  aiBadge: "On-device AI",
  aiHint:
    "Written by the browser's built-in model on this computer, then checked by the tone linter. Read it before inserting.",
  promptsToFill: "Fill in before inserting:",
  promptExample: "e.g. {example}",
  remediesTitle: "Remedies you may offer, by private message only",
  remediesHint: "Never in the public reply: offered in public, compensation invites everyone to ask for the same.",
  playbookTitle: "Reply playbook",
  playbookHelp:
    "The team's templates, voice and remedies, as JSON (format 2). Validate checks every template with the tone linter; an invalid playbook is never saved.",
  playbookRevision: "Revision {revision}, saved {when} by {who}",
  playbookBuiltIn: "Built-in playbook (revision {revision})",
  playbookValidate: "Validate",
  playbookSave: "Save playbook",
  playbookReset: "Reset to defaults",
  playbookResetConfirm: "Replace the team's playbook with the built-in one?",
  playbookExport: "Export",
  playbookValid: "Valid: {templates} templates, {renders} renders linted, {warnings} warning(s).",
  playbookInvalid: "Not saved: fix these problems first (the current playbook stays).",
  playbookBlocked: "Not saved: some templates would produce replies the linter blocks.",
  playbookSaved: "Saved as revision {revision}.",
  playbookMigrated: "Converted from format 1.",
  playbookJsonFirst: "Fix the JSON first: the voice fields edit it.",
  voiceFormality: "French address",
  voiceVous: "vous (formal)",
  voiceTu: "tu (informal)",
  voiceEmoji: "Replies may end with 🙏",
  voiceSignature: "Team signature (when an agent has none)",
  chars: "characters",
  tooLong: "Too long for this site",
  replies: "replies",
  reposts: "reposts",
  likes: "likes",
  views: "views",
  ago: "ago",
  late: "Past the response-time target",
  badgeAnswering: "{agent} answering",
  badgeAnswered: "answered by {agent}",
  colleagueAnswering: "{agent} is already answering this post.",
  colleagueAnswered: "{agent} already answered this post.",
  confirmClaimed: "{agent} is answering or has answered this post. Insert your reply anyway?",
  confirmAnswered: "This post already has a reply logged. Insert another one?",
  insertAnyway: "Insert anyway",
  targetLeft: "{minutes} min left of the {target}-minute target",
  filters: "Filters",
  filter_open: "To answer",
  filter_replied: "Replied",
  filter_escalated: "Escalated",
  filter_dismissed: "Dismissed",
  filter_all: "All",
  filterSite: "Site",
  allSites: "All sites",
  responseTarget: "Response-time target (minutes)",
  threshold: "Detection threshold",
  thresholdHint: "0.5 is balanced; higher flags fewer posts (fewer false alarms, more misses), lower flags more.",
  cancel: "Cancel",
  syncTitle: "Team sync",
  syncEndpoint: "Team endpoint (https://…)",
  syncToken: "Team token",
  syncConnect: "Connect",
  syncNow: "Sync now",
  syncOff: "Not connected to a team: the log stays on this computer.",
  syncPending: "{n} to send",
  syncLast: "last sync {time}",
  syncNever: "never synced",
  syncConnected: "{team} · {agent} ({role})",
  syncPermission:
    "Chrome did not grant access to {origin}; sync works only if that server allows cross-origin requests.",
  role_agent: "agent",
  role_manager: "manager",
  syncErr_network: "The team endpoint cannot be reached",
  syncErr_timeout: "The team endpoint did not answer in time",
  syncErr_auth: "The team token was refused",
  syncErr_http: "The team endpoint answered with an error",
  syncErr_garbage: "The team endpoint answered something unexpected",
  syncErr_config: "Check the endpoint address and the token",
  syncRejected: "{n} change(s) refused by the server",
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
  "status_in-progress": "En cours",
  status_inserted: "Répondu",
  status_posted: "Publié",
  status_dismissed: "Écarté",
  status_escalated: "Transmis",
  strategy_acknowledge_dm: "S’excuser et passer en privé",
  strategy_concrete_fix: "Solution concrète",
  strategy_ask_detail: "Demander des précisions",
  strategy_follow_up: "Relancer et clore",
  strategy_hand_off: "Passer la main à un responsable",
  strategy_personalised: "Personnalisée",
  suggestionFallback: "En anglais : pas encore de modèles dans la langue de ce message ({lang}).",
  aiBadge: "IA sur l’appareil",
  aiHint:
    "Écrite par le modèle intégré au navigateur, sur cet ordinateur, puis vérifiée par le correcteur de ton. Relisez-la avant d’insérer.",
  promptsToFill: "À compléter avant d’insérer :",
  promptExample: "ex. {example}",
  remediesTitle: "Gestes possibles, uniquement en message privé",
  remediesHint:
    "Jamais dans la réponse publique : un dédommagement proposé en public incite tout le monde à réclamer la même chose.",
  playbookTitle: "Guide de réponses",
  playbookHelp:
    "Les modèles, le ton et les gestes de l’équipe, en JSON (format 2). « Valider » passe chaque modèle au correcteur de ton ; un guide invalide n’est jamais enregistré.",
  playbookRevision: "Révision {revision}, enregistrée le {when} par {who}",
  playbookBuiltIn: "Guide intégré (révision {revision})",
  playbookValidate: "Valider",
  playbookSave: "Enregistrer le guide",
  playbookReset: "Revenir au guide intégré",
  playbookResetConfirm: "Remplacer le guide de l’équipe par le guide intégré ?",
  playbookExport: "Exporter",
  playbookValid: "Valide : {templates} modèles, {renders} rendus vérifiés, {warnings} avertissement(s).",
  playbookInvalid: "Non enregistré : corrigez d’abord ces problèmes (le guide actuel reste en place).",
  playbookBlocked: "Non enregistré : certains modèles produiraient des réponses que le correcteur bloque.",
  playbookSaved: "Enregistré en révision {revision}.",
  playbookMigrated: "Converti depuis le format 1.",
  playbookJsonFirst: "Corrigez d’abord le JSON : les champs du ton le modifient.",
  voiceFormality: "Adresse en français",
  voiceVous: "vous (formel)",
  voiceTu: "tu (familier)",
  voiceEmoji: "Les réponses peuvent finir par 🙏",
  voiceSignature: "Signature d’équipe (si l’agent n’en a pas)",
  chars: "caractères",
  tooLong: "Trop long pour ce site",
  replies: "réponses",
  reposts: "reposts",
  likes: "j’aime",
  views: "vues",
  ago: "",
  late: "Délai de réponse dépassé",
  badgeAnswering: "{agent} répond",
  badgeAnswered: "répondu par {agent}",
  colleagueAnswering: "{agent} répond déjà à ce message.",
  colleagueAnswered: "{agent} a déjà répondu à ce message.",
  confirmClaimed: "{agent} répond ou a déjà répondu à ce message. Insérer votre réponse quand même ?",
  confirmAnswered: "Une réponse à ce message est déjà journalisée. En insérer une autre ?",
  insertAnyway: "Insérer quand même",
  targetLeft: "{minutes} min restantes sur l’objectif de {target} minutes",
  filters: "Filtres",
  filter_open: "À traiter",
  filter_replied: "Répondues",
  filter_escalated: "Transmises",
  filter_dismissed: "Écartées",
  filter_all: "Toutes",
  filterSite: "Site",
  allSites: "Tous les sites",
  responseTarget: "Objectif de délai de réponse (minutes)",
  threshold: "Seuil de détection",
  thresholdHint:
    "0,5 est équilibré ; plus haut signale moins de messages (moins de fausses alertes, plus d’oublis), plus bas en signale davantage.",
  cancel: "Annuler",
  syncTitle: "Synchronisation d’équipe",
  syncEndpoint: "Adresse du serveur d’équipe (https://…)",
  syncToken: "Jeton d’équipe",
  syncConnect: "Connecter",
  syncNow: "Synchroniser",
  syncOff: "Aucune équipe connectée : le journal reste sur cet ordinateur.",
  syncPending: "{n} à envoyer",
  syncLast: "dernière synchro {time}",
  syncNever: "jamais synchronisé",
  syncConnected: "{team} · {agent} ({role})",
  syncPermission:
    "Chrome n’a pas autorisé l’accès à {origin} ; la synchro ne marche que si ce serveur accepte les requêtes d’autres origines.",
  role_agent: "agent",
  role_manager: "responsable",
  syncErr_network: "Le serveur d’équipe est injoignable",
  syncErr_timeout: "Le serveur d’équipe n’a pas répondu à temps",
  syncErr_auth: "Le jeton d’équipe a été refusé",
  syncErr_http: "Le serveur d’équipe a répondu par une erreur",
  syncErr_garbage: "Le serveur d’équipe a répondu quelque chose d’inattendu",
  syncErr_config: "Vérifiez l’adresse du serveur et le jeton",
  syncRejected: "{n} modification(s) refusée(s) par le serveur",
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
