/**
 * The baseline classifier's knowledge, as data: cue words and phrases per language, the weight each adds to the
 * complaint score, the severity and category it implies.
 *
 * A complaint is a statement that expectations were not met (Preotiuc-Pietro et al., ACL 2019), not mere
 * negativity. So the lexicon has two halves that matter:
 * - "neg" cues say something went wrong ("déçu", "panne", "scam"); a negation cancels them ("pas de souci",
 *   "not disappointed").
 * - "exp" cues name an expectation ("reçu", "working", "réponse"); they only count when negated
 *   ("toujours pas reçu", "not working", "aucune réponse").
 * Phrases are written as people type them; the compiler folds them (lowercase, no accents, apostrophes and
 * hyphens split) exactly like post text. Multi-word phrases win over their first word.
 *
 * Weights are on a logit scale: the classifier starts from BIAS (-2) and calls a post a complaint when the sum
 * reaches 0 (score 0.5). One clear cue (weight ≥ 2) is enough; weak cues need company.
 */
import type { Category, Severity } from "../schemas";

export type CueKind =
  /** Something went wrong. Cancelled by a negation before it, or by a resolution word after it ("réglé"). */
  | "neg"
  /** An expectation. Counts only when negated ("pas reçu", "not working", "no answer"). */
  | "exp"
  /** Praise. Lowers the score, unless the post is sarcastic; negated ("pas top", "not happy") it is disapproval. */
  | "pos"
  /** Fixed expressions that contain cue words but mean no harm ("pas de souci", "no problem", "can't wait"). */
  | "neutral"
  /** Repetition ("encore", "again"): mild alone, and it turns praise into sarcasm ("génial, encore…"). */
  | "rep"
  /** Category evidence only ("colis", "facture", "wifi"). */
  | "topic"
  /** Irony markers (🙄 🙃 🤡): they turn praise into sarcasm. */
  | "irony"
  /** Waiting context ("attente", "on hold"): a duration nearby becomes a complaint ("2 hours on hold"). */
  | "wait";

export type CueLang = "fr" | "en" | "any";

export interface CueGroup {
  lang: CueLang;
  kind: CueKind;
  /** Logit weight. For "pos", the (negative) weight of genuine praise. */
  weight: number;
  severity?: Severity;
  category?: Category;
  /** "exp" verbs that French negates after them ("ça marche pas", "fonctionne plus"). */
  after?: boolean;
  /** "exp" words that, not negated, mean the problem was solved ("réglé", "fixed"): they cancel earlier cues. */
  res?: boolean;
  /**
   * The category is only a fallback: "ne marche pas" is about whatever the post names (the wifi, the app), so
   * the verb adds little category evidence of its own.
   */
  generic?: boolean;
  /** Pipe-separated phrases. */
  phrases: string;
}

/** Added to every post: a complaint needs evidence. */
export const BIAS = -2;
/** A praise word under negation ("pas top", "not happy", "pas normal") is disapproval of this weight. */
export const NEGATED_PRAISE_WEIGHT = 2.4;
/** A negated "neg" cue ("pas de souci avec…", "never had a problem") is mildly reassuring. */
export const NEGATED_NEG_WEIGHT = -0.4;
/** Praise next to a complaint cue or an irony marker is sarcasm ("merci pour ce retard", "bravo… 👏"). */
export const SARCASM_WEIGHT = 1;
export const SARCASM_IRONY_WEIGHT = 1.6;
/** A waiting duration ("3 semaines", "2 hours"), and the extra when waiting is explicit ("depuis", "on hold"). */
export const DURATION_WEIGHT = 1.2;
export const DURATION_CONTEXT_WEIGHT = 0.9;
/** "!!!", "???": frustration. */
export const BANG_WEIGHT = 0.5;
/** Shouting: two or more ALL CAPS words, or one that is itself a cue. */
export const CAPS_WEIGHT = 0.6;
/** Each topic word ("colis", "facture") adds a little: talk about an order to a brand is often a complaint. */
export const TOPIC_WEIGHT = 0.25;
export const TOPIC_WEIGHT_CAP = 0.5;
/** The post names the brand (@handle or keyword). */
export const BRAND_WEIGHT = 0.3;
/** Cues under this weight ("why", "hate") do not, on their own, make praise sarcastic. */
export const SARCASM_TRIGGER_MIN = 1.5;

/**
 * Words that negate a cue within the three words before it, in the same clause. "ne"/"n'" alone count: "rien ne
 * marche", "je n'ai reçu que la moitié". "plus" counts only before outage words ("plus de réseau") since
 * "plus de…" is usually "more".
 */
export const NEGATORS =
  "pas|jamais|aucun|aucune|rien|sans|ne|n|ni|zero|zéro|impossible|manque|" +
  "not|no|never|nobody|nothing|none|neither|nor|without|cannot|unable|lack|failed|fails|yet|" +
  "can't|cant|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|weren't|werent|" +
  "haven't|havent|hasn't|hasnt|hadn't|hadnt|won't|wont|wouldn't|wouldnt|couldn't|couldnt|shouldn't|ain't|aint";

/** French negation after the verb: "ça marche pas", "ça fonctionne plus", "j'ai reçu rien". */
export const AFTER_NEGATORS = "pas|plus|jamais|rien";

/** A negation does not reach across these: "not bad but late", "pas cher mais en retard". */
export const NEGATION_BARRIERS =
  "mais|et|ou|car|donc|puis|alors|cependant|pourtant|sauf|parce|quand|si|" +
  "but|and|or|however|although|though|except|because|so|then|when|if";

/** Words that, in front of a number and a unit, make a waiting time explicit ("depuis 10 jours"). */
export const DURATION_CONTEXT =
  "depuis|deja|plus|pendant|fait|attends|attendu|attente|since|already|over|for|been|waiting|waited";
export const NUMBER_WORDS =
  "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|plusieurs|" +
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|many";
export const DURATION_UNITS =
  "minute|minutes|min|mins|mn|heure|heures|h|jour|jours|j|semaine|semaines|sem|mois|an|ans|annee|annees|" +
  "hour|hours|hr|hrs|day|days|week|weeks|wk|wks|month|months|year|years|yr|yrs";

/** ALL CAPS words that are names, not shouting. */
export const ACRONYMS =
  "sncf|ratp|edf|gdf|sfr|ufc|dgccrf|fcc|bbb|ftc|usa|uk|eu|tv|sms|sav|rib|iban|cb|pdf|url|faq|atm|pin|otp|api|ups|" +
  "dhl|usps|tnt|fedex|tgv|ter|rer|caf|cpam|urssaf|ok|dm|mp|psg|nba|nfl|hbo|bbc|cnn|ikea|suv|gps|usb|hdmi|id|ps4|" +
  "ps5|xbox|aws|vpn|4g|5g|adsl|rsa|pc|mac|ios|cnil|arcep|bfm|tf1|rtl|la|le|les|des|am|pm|uber|ceo|vip|lol|omg|" +
  "ac|hd|sim|esim|qr|nyc|la|sf|dc|gb|mb|kb|ny|i|a|ko|rdv|ht|ttc|tva|bnp|lcl|ing|hsbc|axa|maif|macif|orange|free|" +
  "bouygues|att|nhs|irs|dmv|amex|visa|wifi";

export const LEXICON: readonly CueGroup[] = [
  // ── Threats and blame: leaving, suing, regulators, press (severity 3) ─────────────────────────────────────
  {
    lang: "fr",
    kind: "neg",
    weight: 3.2,
    severity: 3,
    phrases:
      "je résilie|résilier|résiliation|résilié|je vais résilier|résilie|changer d'opérateur|changer d'opérateur|" +
      "change d'opérateur|changer de fournisseur|changer de banque|changer d'assurance|changer de crèmerie|" +
      "je pars chez|je passe chez|à la concurrence|chez la concurrence|chez un concurrent|je vous quitte|je quitte|" +
      "vais quitter|client perdu|perdu un client|perdre un client|plus jamais|avocat|avocats|plainte|porter plainte|" +
      "tribunal|tribunaux|en justice|la justice|procès|mise en demeure|recours collectif|ufc que choisir|" +
      "que choisir|60 millions|60 millions de consommateurs|dgccrf|signal conso|signalconso|arcep|médiateur|" +
      "cnil|la presse|à la presse|journaliste|journalistes|les médias|aux médias|boycott|boycotter|boycottez|" +
      "#boycott|faire le buzz|" +
      "faire opposition|je le ferai savoir|je vais le faire savoir|je vais en parler",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 3.2,
    severity: 3,
    phrases:
      "switching to|switch to another|switch providers|switching providers|switch carriers|switching carriers|" +
      "i'm leaving|im leaving|i am leaving|leaving you|will be leaving|i will leave|i'll leave|going to leave|" +
      "gonna leave|cancel my subscription|cancel my account|cancel my contract|cancel my service|" +
      "cancel my membership|cancel my plan|cancelling my|canceling my|going to cancel|gonna cancel|i will cancel|" +
      "i'll cancel|" +
      "want to cancel|close my account|closing my account|take my business elsewhere|taking my business elsewhere|" +
      "lost a customer|lost a loyal customer|you've lost|never again|never buying|never using|never flying|" +
      "never shopping|never ordering|sue you|sue your|will sue|going to sue|gonna sue|suing|lawsuit|lawyer|" +
      "lawyers|attorney|legal action|small claims|" +
      "report you|reporting you|reported you|fcc|bbb|better business bureau|ftc|attorney general|" +
      "trading standards|ombudsman|cfpb|chargeback|dispute the charge|the press|journalist|reporter|the media|" +
      "boycott|#boycott|tell everyone|telling everyone|spread the word|going viral|won't be back|" +
      "never be back|never coming back|never going back|never buying|never buy from|never shop|never book|" +
      "never fly|never order|last time i buy|last time i'm|the last time i|find another brand|" +
      "find another provider|getting ready to drop|done with you|shame on",
  },
  // ── Accusations: scam, theft, lies, incompetence (severity 2) ───────────────────────────────────────────
  {
    lang: "fr",
    kind: "neg",
    weight: 3,
    severity: 2,
    phrases:
      "arnaque|arnaques|arnaqueur|arnaqueurs|arnaquer|arnaquez|arnaqué|escroc|escrocs|escroquerie|escroqueries|" +
      "escroquez|voleur|voleurs|voleuse|voleuses|vous m'avez volé|m'avez volé|nous avez volé|vous volez|" +
      "se faire voler|racket|racketter|fraude|frauduleux|frauduleuse|menteur|menteurs|menteuse|menteuses|" +
      "mensonge|mensonges|vous mentez|mentir|incompétent|incompétents|incompétente|incompétentes|incompétence|" +
      "amateurs|amateurisme|foutage de gueule|vous vous foutez|se foutre|se fout|se foutent|honte|honteux|" +
      "honteuse|scandale|scandaleux|scandaleuse|méprisant|mépris|voyous|bandits|pigeons|pour des cons|nuls|" +
      "charlots|vous êtes nuls",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 3,
    severity: 2,
    phrases:
      "scam|scams|scammer|scammers|scammed|scamming|fraud|fraudulent|rip off|ripoff|ripped off|ripping off|robbed|" +
      "robbery|robbing|daylight robbery|thief|thieves|stole my|stealing|steal my|liar|liars|lying|lied|" +
      "incompetent|incompetence|useless|clowns|disgrace|disgraceful|shame on you|shameful|criminal|criminals|" +
      "crooks|crooked|extortion|predatory|greedy|greed|screwed|screw you|taking advantage|con artists|" +
      "pathetic|a joke|fleeced|cheated|cheating|misleading|false advertising|bait and switch",
  },
  // ── Disapproval: disappointment, problems, failures (severity 1) ────────────────────────────────────────
  {
    lang: "fr",
    kind: "neg",
    weight: 2.6,
    severity: 1,
    phrases:
      "déçu|déçue|déçus|déçues|déception|décevant|décevante|mécontent|mécontente|mécontents|insatisfait|" +
      "insatisfaite|inadmissible|inacceptable|intolérable|lamentable|pitoyable|nul|nulle|catastrophe|" +
      "catastrophique|horrible|affreux|déplorable|n'importe quoi|ras le bol|ras-le-bol|marre|j'en ai marre|" +
      "y en a marre|ça suffit|agacé|agacée|énervé|énervée|furieux|furieuse|en colère|excédé|excédée|" +
      "dégoûté|dégoûtée|le pire|la pire|galère|calvaire|cauchemar|honteusement|toujours rien|merci pour rien|" +
      "attends toujours|toujours en attente|inutilisable|incompréhensible|abusif|abusive|abusé|" +
      "pas normal|c'est pas normal|ridicule|c'est une blague|aberrant|aberrante|où est mon|où est ma|où sont mes|" +
      "n'arrive pas|n'arrive plus|arrive pas|j'arrive pas|bloqué depuis|dégueulasse|périmé|périmée|" +
      "laissé tomber|lâché|c'est long|trop long|si long|interminable|colis vide|carton vide|boîte vide|" +
      "arrivé vide|je veux être remboursé|je veux être remboursée|remboursez-moi|je demande le remboursement|" +
      "je ne comprends pas pourquoi|comprends pas pourquoi|sans prévenir|sans préavis|sans explication|" +
      "pourriez au moins|la moindre des choses|jamais eu de réponse",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.6,
    severity: 1,
    phrases:
      "disappointed|disappointing|disappointment|unhappy|dissatisfied|frustrated|frustrating|frustration|annoyed|" +
      "annoying|angry|furious|pissed|fed up|sick of|sick and tired|tired of|had enough|unacceptable|ridiculous|" +
      "absurd|terrible|horrible|awful|worst|sucks|suck|garbage|trash|rubbish|nightmare|waste of time|" +
      "waste of money|still waiting|thanks for nothing|unreliable|appalling|atrocious|outrageous|not acceptable|inexcusable|beyond frustrated|" +
      "let me down|let us down|letting me down|irritated|irritating|infuriating|infuriated|upset|livid|" +
      "outraged|fuming|aggravated|aggravating|disgusted|disgusting|expired|stale|moldy|mouldy|stranded|" +
      "where is my|where's my|wheres my|what happened to my|debacle|fiasco|shambles|joke of a|" +
      "taking so long|takes forever|taking forever|empty box|empty package|arrived empty|i want a refund|" +
      "i demand a refund|don't understand why|do not understand why|without notice|without warning|" +
      "without explanation|could at least|the least you could|never happened|keeps going up|keep going up|" +
      "going up again|keep getting|keeps getting|keep having|keeps happening|keep happening",
  },
  // Everyday French disapproval of a product or a service: the words people write when something is simply bad
  // ("fade", "raté", "c'est du vol"), which the lists above, built around failures and delays, miss.
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    phrases:
      "médiocre|médiocres|minable|minables|pourri|pourrie|pourris|pourries|à chier|de merde|ça craint|" +
      "mensonger|mensongère|publicité mensongère|humiliant|humiliante|humiliation|amateur|travail d'amateur|" +
      "bâclé|bâclée|raté|ratée|fade|immangeable|imbuvable|c'est du vol|du vol pur|c'est du vent|" +
      "vous vous moquez|on se moque|se moquer du monde|personne n'est venu|personne n'a prévenu|bof|" +
      "pas terrible|c'est quoi ce|c'est quoi cette|insupportable|inadmissible de",
  },
  // How French customers escalate: claims, reminders, broken promises, charges made without consent.
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    phrases:
      "réclamation|réclamations|litige|j'exige|je relance|relancé|relancée|plusieurs relances|" +
      "à plusieurs reprises|on m'a promis|m'avait promis|on m'avait promis|soi-disant|non conforme|pas conforme|" +
      "à tort|facturé à tort|frais cachés|sans mon accord|sans mon consentement|démarchage|harcèlement|" +
      "silence radio|aucun retour|hors délai|délai dépassé",
  },
  // Problems with a category. Weaker than outright disappointment: "problème" in a question is still a
  // complaint most of the time, but it needs nothing else to tip it.
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    phrases:
      "problème|problèmes|souci|soucis|erreur|erreurs|dysfonctionnement|défaut|anomalie|bloqué|bloquée|" +
      "persiste|toujours le même problème|ça ne va pas",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    phrases:
      "problem|problems|issue|issues|error|errors|mistake|wrong|something wrong|malfunction|stuck|hassle|mess|" +
      "inconvenience|inconvenient|failed|fail|failure|failing|fails|glitch|glitches|glitchy|keeps crashing",
  },
  {
    lang: "any",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "product",
    phrases: "bug|bugs|bugue|buggé|beug|beugue|buggy|crash|crashes|crashed|crashing|plante|planté",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "product",
    phrases:
      "cassé|cassée|défectueux|défectueuse|abîmé|abîmée|endommagé|endommagée|en miettes|mauvaise qualité|" +
      "ne s'allume plus|tombé en panne|hs|hors service",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "product",
    phrases:
      "broken|broke|defective|faulty|damaged|poor quality|cheaply made|fell apart|stopped working|keeps freezing|" +
      "wrong item|wrong size|doesn't fit",
  },
  // Delays and losses: trains and flights as much as parcels, so no category of their own.
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    phrases: "retard|retards|en retard|retardé|retardée|perdu|perdue",
  },
  { lang: "en", kind: "neg", weight: 2.3, severity: 1, phrases: "delay|delays|delayed|late|lost|never came" },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "delivery",
    phrases:
      "égaré|égarée|colis perdu|rupture de stock|mauvais article|mauvaise taille|livré ailleurs|pas le bon|" +
      "il manque|manquant|manquante|manquants",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "delivery",
    phrases: "missing|out of stock|wrong order|wrong address|left at the wrong",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "outage",
    phrases:
      "panne|pannes|en panne|coupure|coupures|coupée|ça coupe|internet coupé|réseau coupé|ça rame|lenteur|" +
      "lenteurs|hors ligne|pas de service|plus de service|sans service",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "outage",
    phrases:
      "outage|outages|is down|are down|down again|went down|goes down|still down|service down|blackout|" +
      "power cut|power outage|keeps dropping|dropped calls|so slow|too slow|painfully slow|offline|no service",
  },
  { lang: "en", kind: "neg", weight: 1.6, severity: 1, category: "outage", phrases: "down|slow|lagging|laggy" },
  { lang: "fr", kind: "neg", weight: 1.6, severity: 1, category: "outage", phrases: "lent|lente|rame" },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.4,
    severity: 1,
    category: "billing",
    phrases:
      "débité deux fois|prélevé deux fois|payé deux fois|facturé deux fois|double prélèvement|double paiement|" +
      "trop perçu|prélèvement abusif|erreur de facturation|surfacturé|surfacturation|prélevé sans|débité sans",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.4,
    severity: 1,
    category: "billing",
    phrases:
      "charged twice|double charged|charged me twice|overcharged|billed twice|charged me|charging me|" +
      "billing error|unauthorized charge|hidden fees|want my money back|money back",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "account",
    phrases:
      "compte bloqué|compte piraté|piraté|piratée|piratage|compte suspendu|compte désactivé|compte fermé|" +
      "compte clôturé|fermé mon compte|clôturé mon compte|" +
      "mot de passe refusé|identifiants refusés",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "account",
    phrases:
      "locked out|hacked|account locked|account suspended|account disabled|account blocked|suspended my|" +
      "locked my|compromised|closed my account|account was closed|account closed|account got closed",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "pricing",
    phrases:
      "trop cher|trop chère|trop chers|hors de prix|encore plus cher|hausse|hausses|augmentation|" +
      "augmentent|augmenté|prix exorbitant|prix exorbitants|exorbitant|abusé",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "pricing",
    phrases:
      "too expensive|so expensive|overpriced|price increase|price hike|prices went up|raised the price|" +
      "raised my|rate hike|way too much|too high|so high|going up|goes up|went up",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "service",
    phrases:
      "injoignable|injoignables|attente interminable|on me balade|renvoyé de service en service|" +
      "raccroché au nez|on m'a raccroché|mal poli|malpoli|impoli|impolie|désagréable|irrespectueux|" +
      "irrespectueuse|méprisante",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "service",
    phrases:
      "poor service|bad service|customer service sucks|terrible service|awful service|runaround|" +
      "transferred again|keep transferring|rude|impolite|hung up on me|hung up|unprofessional|disrespectful|" +
      "condescending",
  },
  {
    lang: "any",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "other",
    phrases: "annulé|annulée|annulés|annulation|supprimé|supprimée|cancelled|canceled|cancellation",
  },
  // Weak disapproval: needs company (a topic, a brand, "!!!") to make a complaint.
  {
    lang: "en",
    kind: "neg",
    weight: 1.2,
    severity: 1,
    phrases: "hate|bad|poor|wtf|smh|ugh|seriously|come on|why|how come|yet another|anymore|any more|sad|will never",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 1.2,
    severity: 1,
    phrases: "mauvais|mauvaise|déteste|pourquoi|sérieusement|pfff|pff|grr|toujours autant",
  },
  // Inability: "can't use it online", "impossible de payer". The object is often not in the lexicon.
  {
    lang: "en",
    kind: "neg",
    weight: 1.8,
    severity: 1,
    phrases: "can't|cant|cannot|can not|couldn't|couldnt|unable to|won't let me|wont let me|no longer",
  },
  {
    lang: "fr",
    kind: "neg",
    weight: 1.8,
    severity: 1,
    phrases: "impossible de|impossible d|ne peux pas|peux pas|plus moyen",
  },
  // "Since yesterday", "depuis ce matin": a wait without a number.
  {
    lang: "fr",
    kind: "neg",
    weight: 1.2,
    phrases:
      "depuis ce matin|depuis hier|depuis hier soir|depuis cette nuit|depuis lundi|depuis mardi|depuis mercredi|" +
      "depuis jeudi|depuis vendredi|depuis samedi|depuis dimanche|depuis des jours|depuis des semaines|" +
      "depuis des mois|depuis le début|toute la journée|toute la semaine|au moins",
  },
  {
    lang: "en",
    kind: "neg",
    weight: 1.2,
    phrases:
      "since yesterday|since this morning|since last night|since monday|since tuesday|since wednesday|" +
      "since thursday|since friday|since saturday|since sunday|for days|for weeks|for months|all day|" +
      "all week|at least",
  },
  // Follow-ups ("any update?", "des nouvelles ?"): a wait that has gone on too long, said politely.
  { lang: "en", kind: "neg", weight: 1, severity: 1, phrases: "any update|any news|any updates" },
  {
    lang: "en",
    kind: "neg",
    weight: 2.3,
    severity: 1,
    category: "service",
    phrases: "no update|no updates|no news|no info|no information",
  },
  { lang: "fr", kind: "neg", weight: 1, severity: 1, phrases: "des nouvelles|du nouveau" },
  { lang: "any", kind: "neg", weight: 0.6, severity: 1, phrases: "really|vraiment|franchement" },
  // Hashtags and emoji that carry the complaint on their own.
  {
    lang: "any",
    kind: "neg",
    weight: 2.2,
    severity: 1,
    phrases:
      "#fail|#epicfail|#yenamarre|#çamarchepas|#camarchepas|#honte|#scandale|#arnaque|#nul|#déçu|#decu|#worst|" +
      "#disappointed|#neveragain|#fix|#fixit|#sucks|#badservice|#customerservicefail|#ripoff|#scam|#frustrated|" +
      "#unacceptable|#plusjamais|#ras_le_bol|#raslebol|👎|💩|🤬|😡|😠|😤",
  },
  { lang: "any", kind: "neg", weight: 0.8, phrases: "😒|😞|😩|😫|😢|😭|🤦|💔|😑|😖" },
  { lang: "any", kind: "irony", weight: 0.6, phrases: "🙄|🙃|🤡|🤔|😏|🥴" },
  // 👏 is left out on purpose: it is applause as often as irony; with a complaint cue, praise is sarcastic anyway.
  { lang: "any", kind: "irony", weight: 0.3, phrases: "#sarcasm|#not|#ironie|#sarcasme" },
  // Set phrases that wink: with praise in the post they make it sarcastic ("bravo, comme d'habitude").
  {
    lang: "fr",
    kind: "irony",
    weight: 0.3,
    phrases: "comme d'habitude|comme toujours|comme d'hab|évidemment|heureusement que|encore bravo|quelle surprise",
  },
  {
    lang: "en",
    kind: "irony",
    weight: 0.3,
    phrases: "as usual|as always|of course|what a surprise|surprise surprise|so much for|shocker|classic",
  },

  // ── Expectations: complaints when negated ───────────────────────────────────────────────────────────────
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "delivery",
    after: true,
    phrases: "reçu|reçue|reçus|arrivé|arrivée|arrivés|livré|livrée|livrés|expédié|expédiée|envoyé|envoyée",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "delivery",
    phrases:
      "received|receive|receiving|arrived|arrive|arriving|delivered|deliver|shipped|ship|dispatched|got my|" +
      "showed up|show up",
  },
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "product",
    after: true,
    generic: true,
    phrases:
      "fonctionne|fonctionnent|marche|marchent|fonctionner|marcher|s'allume|charge|se charge|démarre|s'ouvre|" +
      "se lance|répond plus",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "product",
    generic: true,
    phrases: "work|works|working|worked|load|loads|loading|open|opens|start|starts|turn on|print|sync|syncing|charge",
  },
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "account",
    after: true,
    phrases: "connecter|me connecter|se connecter|connecte|accéder|accès|identifier|m'identifier",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "account",
    phrases: "log in|login|log into|sign in|access|reset my password|verify",
  },
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "service",
    after: true,
    phrases:
      "répondu|répond|répondent|répondre|réponse|réponses|rappelé|rappeler|joindre|retour|nouvelles|aide|" +
      "solution|suivi|contact|information|informations|traité|traitée|pris en charge",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "service",
    phrases:
      "answer|answers|answered|answering|respond|responds|responded|response|responses|reply|replied|" +
      "call back|called back|callback|get through|got through|help|helped|helping|solution|" +
      "processed|reach|reached|reach anyone|reach someone|hear back|heard back|follow up|followed up",
  },
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "billing",
    after: true,
    phrases: "remboursé|remboursée|remboursement|rembourser|remboursez|crédité|créditée",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "billing",
    phrases: "refund|refunded|reimbursed|credited",
  },
  {
    lang: "any",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    category: "outage",
    phrases:
      "internet|réseau|reseau|connexion|wifi|wi-fi|signal|courant|électricité|tonalité|télé|network|" +
      "power|electricity|cable|4g|5g|data|fibre|fiber|eau|water|heating|chauffage|dial tone|tv",
  },
  // Resolution: "réglé", "fixed". Negated they are complaints ("still not fixed"); otherwise they close the case.
  {
    lang: "fr",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    after: true,
    res: true,
    phrases: "réglé|réglée|résolu|résolue|réparé|réparée|rétabli|rétablie|corrigé|corrigée|revenu|revenue",
  },
  {
    lang: "en",
    kind: "exp",
    weight: 2.6,
    severity: 1,
    res: true,
    phrases: "fixed|resolved|solved|sorted|sorted out|repaired|restored|back to normal",
  },

  // ── Praise (negative weights); negated it is disapproval ("pas top", "not happy") ────────────────────────
  {
    lang: "fr",
    kind: "pos",
    weight: -1.6,
    phrases:
      "au top|top|génial|géniale|parfait|parfaite|excellent|excellente|bravo|félicitations|nickel|impeccable|" +
      "réponse rapide|super service|merci beaucoup|merci infiniment|mille mercis|encore merci|merci encore|" +
      "encore bravo|j'adore|adore|ravi|ravie|formidable|efficace|efficaces|réactif|réactive|réactifs|à l'écoute|" +
      "rien à dire|rien à redire|chapeau|top du top|trop bien|merci pour|merci pour votre aide|recommande|" +
      "je recommande|recommandé|magnifique|magnifiques|merveilleux|merveilleuse|sublime|quel bonheur|" +
      "génialissime|trop sympa",
  },
  {
    lang: "fr",
    kind: "pos",
    weight: -1.1,
    phrases:
      "super|rapide|rapidement|content|contente|contents|satisfait|satisfaite|sympa|agréable|gentil|gentille|aimable|cool|bien reçu|merci à",
  },
  { lang: "fr", kind: "pos", weight: -0.4, phrases: "merci|bonne journée|bonne soirée" },
  // Only meaningful negated: "c'est pas normal", "pas terrible", "pas sérieux", "pas ok".
  {
    lang: "fr",
    kind: "pos",
    weight: 0,
    phrases:
      "normal|terrible|acceptable|ok|okay|bon|bonne|possible|professionnel|professionnelle|correct|correcte|" +
      "sérieux|sérieuse|normale|honnête|clair|facile",
  },
  {
    lang: "en",
    kind: "pos",
    weight: -1.6,
    phrases:
      "great|awesome|amazing|excellent|perfect|love|loved|loving|love it|well done|brilliant|fantastic|wonderful|" +
      "quick response|fast response|quick reply|helpful|kudos|shout out|shoutout|the best|thank you so much|" +
      "thanks so much|thanks a lot|thanks again|thank you again|superb|outstanding|impressed|appreciate|" +
      "appreciated|thanks for|thank you for|great job|good job|nice job|lifesaver|recommend|recommended|" +
      "highly recommend|keep up the good work|keep up the great work|keep it up",
  },
  {
    lang: "en",
    kind: "pos",
    weight: -1.1,
    phrases: "quick|quickly|fast|happy|satisfied|good|nice|pleased|glad|cool|best|friendly|smooth|easy",
  },
  { lang: "en", kind: "pos", weight: -0.4, phrases: "thanks|thank you|thx|ty|have a nice day" },
  { lang: "en", kind: "pos", weight: 0, phrases: "fine|okay|ok|acceptable|fair|right|normal|reliable|professional" },
  { lang: "any", kind: "pos", weight: -1.2, phrases: "❤|😍|🥰|😊|☺|👍|💯|🙌|✨|💪|😃|😀|🤩|💙|💚|💜|🧡|💛" },

  // ── Fixed expressions: consumed so that their words do not count ─────────────────────────────────────────
  {
    lang: "fr",
    kind: "neutral",
    weight: 0,
    phrases:
      "pas de souci|pas de soucis|pas de problème|pas de problèmes|aucun souci|aucun problème|sans souci|" +
      "sans problème|sans soucis|pas mal|n'hésitez pas|n'hésite pas|hésiterai pas|ne manquez pas|" +
      "ne ratez pas|pas besoin|pas grave|c'est pas grave|pas de panique|pas que|peu importe|plus de détails|" +
      "plus d'infos|plus d'informations|de plus|en plus|non plus|plus tard|plus tôt|au plus vite|ou pas|" +
      "pourquoi pas|merci d'avance|merci de|merci par avance|non merci|rien à signaler",
  },
  {
    lang: "en",
    kind: "neutral",
    weight: 0,
    phrases:
      "no problem|no problems|no issue|no issues|not a problem|no worries|no trouble|not bad|can't wait|cant wait|" +
      "cannot wait|can not wait|don't hesitate|not only|no doubt|no wonder|can't believe|cant believe|" +
      "not sure|no idea|why not|not to mention|never mind|never had a problem|never had an issue|" +
      "hold on|let me know|right now|thanks in advance|thank you in advance|can't help but|cant help but|" +
      "couldn't help but|can't go wrong|cant go wrong|can't beat|cannot beat|can't miss|no longer need|" +
      "no thanks|no thank you|can't complain|cannot complain|no complaints",
  },

  // ── Repetition: "encore", "again" ───────────────────────────────────────────────────────────────────────
  {
    lang: "fr",
    kind: "rep",
    weight: 0.6,
    phrases:
      "encore|une fois de plus|encore une fois|à nouveau|de nouveau|une énième fois|énième|chaque fois|" +
      "à chaque fois|chaque jour|chaque mois|chaque semaine|n'arrête pas de|arrête pas de",
  },
  {
    lang: "en",
    kind: "rep",
    weight: 0.6,
    phrases:
      "again|once again|yet again|every time|every single time|every day|every month|every week|third time|" +
      "second time|for the third time|keeps|keep|kept",
  },
  { lang: "fr", kind: "rep", weight: 0.3, phrases: "toujours" },
  { lang: "en", kind: "rep", weight: 0.3, phrases: "still" },

  // ── Waiting context ─────────────────────────────────────────────────────────────────────────────────────
  {
    lang: "fr",
    kind: "wait",
    weight: 0.5,
    category: "service",
    phrases: "attente|en attente|attendre|j'attends|attends|patienter|patiente",
  },
  {
    lang: "en",
    kind: "wait",
    weight: 0.5,
    category: "service",
    phrases: "on hold|waiting|waited|wait|been waiting|hold time|in a queue|in the queue",
  },

  // ── Topics: category evidence ───────────────────────────────────────────────────────────────────────────
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "delivery",
    phrases:
      "colis|livraison|livraisons|livreur|livreurs|livrer|commande|commandes|commandé|expédition|envoi|" +
      "transporteur|relais|numéro de suivi|suivi de colis|boîte aux lettres|colissimo|chronopost|mondial relay|" +
      "la poste|facteur",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "delivery",
    phrases:
      "package|packages|parcel|parcels|delivery|deliveries|shipping|shipment|order|orders|ordered|tracking|" +
      "courier|driver|mailbox|doorstep|usps|ups|fedex|dhl|out for delivery",
  },
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "billing",
    phrases:
      "facture|factures|facturé|facturée|facturation|prélevé|prélevée|prélèvement|prélèvements|débité|débitée|" +
      "paiement|paiements|payé|payer|montant|frais|carte bancaire|virement|argent|euros",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "billing",
    phrases:
      "bill|bills|billing|billed|invoice|invoices|charge|charged|charges|payment|payments|paid|pay|fee|fees|" +
      "credit card|debit|money|dollars|transaction|statement|autopay",
  },
  {
    lang: "any",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "outage",
    phrases: "box|livebox|freebox|bbox|adsl|routeur|router|modem|antenne|ma ligne|ligne fixe|broadband|coverage",
  },
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "service",
    phrases:
      "hotline|sav|conseiller|conseillère|conseillers|téléconseiller|standard|appel|appels|appelé|rappel|mail|mails|" +
      "email|courrier|chat|agence|boutique|magasin|accueil|vendeur|vendeuse|guichet|service après-vente|" +
      "service client|service clients|relation client",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "service",
    phrases:
      "hotline|support|agent|agents|representative|rep|reps|call|called|calling|calls|chat|email|emails|emailed|" +
      "staff|employee|employees|manager|store|helpline|call center|customer care|customer service|phone call|" +
      "queue",
  },
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "account",
    phrases:
      "compte|mon compte|identifiant|identifiants|mot de passe|mdp|authentification|code de vérification|profil|" +
      "espace client",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "account",
    phrases: "account|password|username|2fa|verification code|profile|two-factor|sign-in",
  },
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "pricing",
    phrases: "prix|tarif|tarifs|tarification|cher|chère|chers|abonnement|forfait|offre|promo|coût",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "pricing",
    phrases: "price|prices|pricing|expensive|cost|costs|plan|subscription|rate|rates|deal",
  },
  {
    lang: "fr",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "product",
    phrases:
      "produit|produits|appli|application|app|article|qualité|écran|batterie|mise à jour|maj|version|" +
      "fonctionnalité|appareil|machine|modèle|pièce|taille|téléphone|portable|imprimante|ordinateur|site",
  },
  {
    lang: "en",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "product",
    phrases:
      "product|products|app|item|items|quality|screen|battery|update|version|feature|device|phone|laptop|" +
      "charger|model|printer|software|website|site",
  },
  {
    lang: "any",
    kind: "topic",
    weight: TOPIC_WEIGHT,
    category: "other",
    phrases: "train|trains|vol|flight|flights|tgv|rer|metro|bus|gare|station|airport|aéroport|bagage|luggage|baggage",
  },
];

/** The lexicon's words, as one value: what lib/detect/analyse.ts compiles (`installLexicon`). */
export interface LexiconWords {
  groups: readonly CueGroup[];
  negators: string;
  afterNegators: string;
  barriers: string;
  durationContext: string;
  numberWords: string;
  durationUnits: string;
  acronyms: string;
}

export const LEXICON_WORDS: LexiconWords = {
  groups: LEXICON,
  negators: NEGATORS,
  afterNegators: AFTER_NEGATORS,
  barriers: NEGATION_BARRIERS,
  durationContext: DURATION_CONTEXT,
  numberWords: NUMBER_WORDS,
  durationUnits: DURATION_UNITS,
  acronyms: ACRONYMS,
};
