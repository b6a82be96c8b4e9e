/**
 * The tone linter's rules, as data: patterns per language with ids, the cues that excuse or confirm a match,
 * and the bilingual messages. The engine (`./index.ts`) compiles all of it once at module load.
 *
 * Phrase patterns are regular-expression sources matched against a *folded* copy of the reply: lower case,
 * accents stripped ("dû" → "du", "clôturer" → "cloturer"), typographic apostrophes turned into "'", and
 * @handles, #hashtags, URLs and e-mail addresses blanked out (so "@lol_fan" or "acme.com/refund" never match).
 * Write them in lower case without accents; a space stands for any run of whitespace; use non-capturing groups
 * only (capture groups make every match dearer in the single merged regex). Word boundaries are added by the
 * engine. A pattern that turns out too eager is tuned here, with a test case, rather than special-cased there.
 */

export type LintRuleId =
  | "blame"
  | "defensive"
  | "threat"
  | "sarcasm"
  | "capitals"
  | "personal-data"
  | "public-compensation"
  | "no-apology"
  | "too-long"
  | "wrong-language"
  | "placeholder";

export type LintLevel = "block" | "warn";

export interface Bilingual {
  en: string;
  fr: string;
}

export interface PatternSpec {
  /** Stable id, for tests and for whoever tunes the rule. */
  id: string;
  lang: "en" | "fr" | "any";
  source: string;
  /** "we will not close your account": a negation earlier in the same clause cancels the match. */
  negatable?: boolean;
  /** The pattern itself is a request ("what's your email"): no separate request cue is needed. */
  selfRequest?: boolean;
}

export interface PhraseRule {
  rule: LintRuleId;
  level: LintLevel;
  patterns: readonly PatternSpec[];
  /** Fine when the same sentence moves it to a private channel ("…by DM", "…en message privé"). */
  privateOk?: boolean;
  /** Only a problem when the sentence asks for it ("send us your address", not "check your address"). */
  needsRequest?: boolean;
  /** Not a sanction when the customer asked for it ("we can close your account if you wish"). */
  consentOk?: boolean;
}

// ── Phrase rules ─────────────────────────────────────────────────────────────────────────────────────────

const BLAME: PhraseRule = {
  rule: "blame",
  level: "block",
  patterns: [
    // "You should have received an email" and "you should have it by Friday" are information, not blame.
    {
      id: "en-should-have",
      lang: "en",
      source:
        "you(?: really| clearly| obviously| just)? should(?:'ve| have)(?! (?:received|got|gotten|been|had|heard|seen|access|it|them|one|a|an|the|your|this|that|some|no)(?![a-z]))",
    },
    { id: "en-your-fault", lang: "en", source: "your(?: own)? fault", negatable: true },
    {
      id: "en-didnt-read",
      lang: "en",
      source:
        "you(?: clearly| obviously| probably| simply| just)? (?:didn't|did not|didnt|failed to|forgot to|neglected to|never bothered to|did not bother to|didn't bother to) (?:read|check|follow|look at|pay attention|understand)",
    },
    {
      id: "en-if-you-had",
      lang: "en",
      source:
        "if you(?:'d| had)(?: only| just| bothered to)? (?:read|checked|followed|looked at|paid attention|listened)",
    },
    // "As we mentioned earlier, the outage is over" is an update; "as we already told you" is a reproach.
    {
      id: "en-as-told",
      lang: "en",
      source:
        "as (?:we|i)(?:'ve| have)? (?:(?:already|previously|clearly|repeatedly) (?:told|said|explained|mentioned|stated|informed)(?: you)?|(?:told|informed) you(?: (?:before|already|previously|several times|many times|repeatedly))?|(?:said|explained|mentioned|stated)(?: to you)? (?:before|already|several times|many times|multiple times|repeatedly))",
    },
    { id: "en-as-already", lang: "en", source: "as (?:already|previously) (?:stated|mentioned|explained|said|told)" },
    { id: "en-like-we-said", lang: "en", source: "like (?:we|i) (?:already )?(?:said|told you)" },
    { id: "en-as-stated", lang: "en", source: "as stated (?:before|previously|above|earlier)" },
    // "Vous auriez dû être prévenu" (you should have been told) is an apology; "vous auriez du mal" is not "dû".
    {
      id: "fr-auriez-du",
      lang: "fr",
      source:
        "(?:vous auriez|tu aurais|t'aurais) du(?! (?:recevoir|avoir|obtenir|beneficier|mal|etre (?:prevenu|informe|contacte|averti|rappele|rembourse|livre|tenu)))",
    },
    { id: "fr-votre-faute", lang: "fr", source: "(?:votre|ta|ton)(?: propre)? faute", negatable: true },
    {
      id: "fr-pas-lu",
      lang: "fr",
      source:
        "(?:vous n'avez|tu n'as|t'as)(?: visiblement| manifestement| apparemment| sans doute| probablement| simplement)? (?:pas|jamais) (?:lu|consulte|verifie|suivi|respecte|regarde|fait attention)",
    },
    {
      id: "fr-si-vous-aviez",
      lang: "fr",
      source: "si (?:vous aviez|tu avais)(?: bien)? (?:lu|consulte|verifie|suivi|regarde)",
    },
    // "Comme indiqué dans votre suivi" is neutral; it is the "déjà" / "précédemment" that reproaches.
    {
      id: "fr-deja-indique",
      lang: "fr",
      source:
        "comme (?:(?:nous|je|on) (?:vous )?l'(?:avons|ai|a) )?(?:deja|precedemment) (?:indique|dit|explique|precise|mentionne|signale)",
    },
    {
      id: "fr-vous-l-avons-dit",
      lang: "fr",
      source:
        "(?:nous|je|on) (?:vous|te) l'(?:avons|ai|a) (?:(?:deja|pourtant|bien|plusieurs fois) (?:dit|indique|explique|precise|repete)|dit)",
    },
    { id: "fr-il-fallait", lang: "fr", source: "il fallait" },
  ],
};

const DEFENSIVE: PhraseRule = {
  rule: "defensive",
  level: "warn",
  patterns: [
    // "We're reviewing our policy" is fine: only policy used as a shield is flagged.
    {
      id: "en-per-policy",
      lang: "en",
      source:
        "(?:according to|per|as per|under|against|in line with|in accordance with|due to|because of) (?:our|the company's) (?:policy|policies|terms|t&cs?|terms and conditions|terms of service|rules)",
    },
    {
      id: "en-policy-is",
      lang: "en",
      source:
        "our (?:policy|policies|terms)(?= (?:is|are|states?|says?|does not|doesn't|do not|don't|clearly|prevents?|forbids?|requires?|only)(?![a-z]))",
    },
    { id: "en-company-policy", lang: "en", source: "company policy" },
    { id: "en-nothing-we-can-do", lang: "en", source: "nothing (?:we|i) can do" },
    { id: "en-cant-do-anything", lang: "en", source: "(?:we|i) (?:can't|cannot|can not) do anything" },
    { id: "en-not-our-responsibility", lang: "en", source: "not (?:our|my) (?:responsibility|problem|fault|concern)" },
    { id: "en-not-responsible", lang: "en", source: "(?:we are|we're|i am|i'm) not (?:responsible|liable)" },
    { id: "en-out-of-hands", lang: "en", source: "(?:out of our hands|beyond our control)" },
    {
      id: "fr-cgv",
      lang: "fr",
      source:
        "(?:conformement a|selon|d'apres|en vertu de|au regard de|comme (?:le )?(?:prevoient|indiquent|stipulent)) (?:nos|les) (?:cgv|cgu|conditions generales(?: de vente| d'utilisation)?)",
    },
    {
      id: "fr-notre-politique",
      lang: "fr",
      source:
        "(?:(?:selon|conformement a|d'apres|en vertu de|c'est) notre politique|notre politique(?= (?:est|ne|n'|prevoit|interdit|impose|stipule|exige)(?![a-z])))",
    },
    {
      id: "fr-rien-faire",
      lang: "fr",
      source:
        "(?:(?:nous|on|je) ne (?:pouvons|peut|peux) rien (?:faire|y faire)|(?:nous|on|je) n'y (?:pouvons|peut|peux) rien|il n'y a rien (?:a faire|que nous puissions faire))",
    },
    {
      id: "fr-pas-notre-ressort",
      lang: "fr",
      source:
        "(?:ce n'est|ca n'est|c'est) pas (?:de notre ressort|notre faute|de notre faute|notre responsabilite|notre probleme)",
    },
    { id: "fr-pas-responsables", lang: "fr", source: "(?:nous ne sommes|on n'est) pas responsables?" },
    { id: "fr-independant", lang: "fr", source: "independante?s? de notre volonte" },
  ],
};

const THREAT: PhraseRule = {
  rule: "threat",
  level: "block",
  consentOk: true,
  patterns: [
    // "Delete"/"cancel" are left out: customers ask for exactly that, and "unblock" is kept out by the boundary.
    {
      id: "en-close-account",
      lang: "en",
      source:
        "(?:close|closing|closed|suspend|suspending|suspended|terminate|terminating|terminated|deactivate|deactivating|deactivated|ban|banning|banned|block|blocking|blocked|freeze|freezing|froze) (?:all (?:of )?)?(?:your|ur) (?:account|accounts|profile|line)",
      negatable: true,
    },
    {
      id: "en-legal",
      lang: "en",
      source:
        "(?:legal (?:action|proceedings|steps|measures)|sue you|(?:our|my) (?:lawyers?|attorneys?)|press charges)",
      negatable: true,
    },
    { id: "en-action-against", lang: "en", source: "(?:take|taking) (?:legal )?action against you", negatable: true },
    {
      id: "en-report-block-you",
      lang: "en",
      source: "(?:report|reporting|block|blocking|ban|banning) (?:you|your (?:account|profile|tweets?|posts?))",
      negatable: true,
    },
    {
      id: "en-you-will-be",
      lang: "en",
      source: "you(?:'ll| will| could| may| might) be (?:banned|blocked|reported|suspended|prosecuted|sued)",
      negatable: true,
    },
    { id: "en-reserve-right", lang: "en", source: "(?:we|i) reserve the right" },
    { id: "en-unless-you", lang: "en", source: "unless you (?:stop|delete|remove|take down)" },
    {
      id: "fr-fermer-compte",
      lang: "fr",
      source:
        "(?:cloturer|cloturons|cloturerons|cloture|fermer|fermons|fermerons|ferme|suspendre|suspendons|suspendrons|suspendu|bloquer|bloquons|bloquerons|bloque|desactiver|desactivons|desactiverons|desactive) (?:tous )?(?:votre|vos|ton|tes) (?:compte|comptes|ligne|profil)",
      negatable: true,
    },
    {
      id: "fr-fermeture-compte",
      lang: "fr",
      source:
        "(?:fermeture|cloture|suspension|desactivation) (?:de|des) (?:votre|vos|ton|tes) (?:compte|comptes|ligne)",
      negatable: true,
    },
    {
      id: "fr-poursuites",
      lang: "fr",
      // Singular "la poursuite de nos échanges" means "continuing": only the plural or "judiciaire" is legal.
      source:
        "(?:poursuites(?: judiciaires| penales)?|poursuite judiciaire|action en justice|en justice|devant les tribunaux|nos avocats|mise en demeure|(?:porter|portons|porterons|deposer|deposerons) plainte)",
      negatable: true,
    },
    { id: "fr-reserve-droit", lang: "fr", source: "(?:nous nous reservons|on se reserve|je me reserve) le droit" },
    {
      id: "fr-vous-bloquer",
      lang: "fr",
      source: "(?:vous|te) (?:bloquer|bannir)|signaler (?:votre|ton) (?:compte|profil)",
      negatable: true,
    },
    {
      id: "fr-vous-serez",
      lang: "fr",
      source: "(?:vous serez|tu seras) (?:bloquee?s?|bannie?s?|signalee?s?|poursuivie?s?|suspendue?s?|exclue?s?)",
      negatable: true,
    },
  ],
};

const SARCASM_EMOJI =
  "(?:\\u{1F644}|\\u{1F643}|\\u{1F612}|\\u{1F60F}|\\u{1F926}[\\u{1F3FB}-\\u{1F3FF}]?(?:\\u200D[\\u2640\\u2642]\\uFE0F?)?)\\uFE0F?";

const SARCASM: PhraseRule = {
  rule: "sarcasm",
  level: "warn",
  patterns: [
    // The phrase and its emoji form one span, so the agent sees the whole ironic aside.
    {
      id: "en-thanks-patience-emoji",
      lang: "en",
      source: `thanks (?:so much |a lot )?for (?:your|the) (?:patience|understanding)[.!]*\\s*${SARCASM_EMOJI}`,
    },
    {
      id: "fr-merci-patience-emoji",
      lang: "fr",
      source: `merci (?:beaucoup )?(?:pour|de) (?:votre|ta) (?:patience|comprehension)[.!]*\\s*${SARCASM_EMOJI}`,
    },
    { id: "en-obviously", lang: "en", source: "obviously" },
    { id: "en-as-anyone-knows", lang: "en", source: "as (?:anyone|everyone|everybody) (?:knows|can see|would know)" },
    { id: "en-laugh", lang: "en", source: "(?:lol|lmao|lmfao|rofl)" },
    {
      id: "en-asides",
      lang: "en",
      source: "(?:nice try|good luck with that|surprise,? surprise|you don't say|big surprise)",
    },
    { id: "fr-bien-evidemment", lang: "fr", source: "bien evidemment" },
    {
      id: "fr-comme-tout-le-monde",
      lang: "fr",
      source: "comme (?:tout le monde|chacun) (?:le )?sait",
    },
    { id: "fr-rire", lang: "fr", source: "(?:mdr|ptdr|xd)" },
    { id: "fr-apartes", lang: "fr", source: "(?:sans blague|quelle surprise|on se demande bien pourquoi)" },
    { id: "any-emoji", lang: "any", source: SARCASM_EMOJI },
  ],
};

const PERSONAL_DATA: PhraseRule = {
  rule: "personal-data",
  level: "block",
  privateOk: true,
  needsRequest: true,
  patterns: [
    {
      id: "en-number",
      lang: "en",
      source:
        "(?:your|ur|the) (?:order|account|customer|client|credit card|debit card|card|booking|reference|tracking|membership|member|policy|contract|invoice|passport|social security|phone|mobile|cell|telephone|reservation) (?:number|no|id|ref|reference|details|info)|(?:your|ur) number",
      negatable: true,
    },
    {
      id: "en-contact",
      lang: "en",
      source:
        "(?:your|ur) (?:phone|mobile|cell|e-?mail(?: address)?|home address|postal address|mailing address|delivery address|billing address|address|password|passcode|pin(?: code)?|iban|bank details|bank account(?: details)?|sort code|card details|date of birth|dob|birthday|full name|login details|credentials|ssn|postcode|zip code)",
      negatable: true,
    },
    {
      id: "en-whats-your",
      lang: "en",
      source: "what(?:'s| is) your (?:e-?mail|address|phone number|number|password|date of birth|iban)",
      selfRequest: true,
    },
    {
      id: "fr-numero",
      lang: "fr",
      source:
        "(?:votre|vos|ton|tes|le|les) (?:numeros?|n°|no) (?:de |d')(?:commande|compte|client|carte(?: bancaire| bleue)?|contrat|dossier|facture|suivi|colis|telephone|portable|mobile|ligne|securite sociale|reservation|abonne|adherent)",
      negatable: true,
    },
    {
      id: "fr-coordonnees",
      lang: "fr",
      source:
        "(?:(?:votre|vos|ton|ta|tes) |l')(?:adresse(?: e-?mail| mail| electronique| postale| de livraison| de facturation| complete)?|e-?mail|mail|courriel|numero(?: de telephone)?|telephone|portable|rib|iban|coordonnees(?: bancaires)?|mot de passe|code (?:secret|pin|confidentiel)|date de naissance|nom complet|identifiants?|code postal)",
      negatable: true,
    },
    {
      id: "fr-quel-est",
      lang: "fr",
      source: "quel(?:le)? est (?:votre|ton|ta) (?:adresse|e-?mail|mail|numero|mot de passe|date de naissance)",
      selfRequest: true,
    },
  ],
};

const PUBLIC_COMPENSATION: PhraseRule = {
  rule: "public-compensation",
  level: "warn",
  privateOk: true,
  patterns: [
    {
      id: "en-refund",
      lang: "en",
      source: "(?:refund|refunds|refunded|refunding|reimburse|reimbursed|reimbursing|reimbursement)",
      negatable: true,
    },
    {
      id: "en-voucher",
      lang: "en",
      source:
        "(?:vouchers?|coupons?|gift cards?|promo codes?|discount codes?|credit notes?|store credit|(?:account|service) credits?|discounts?)",
      negatable: true,
    },
    { id: "en-percent-off", lang: "en", source: "\\d+\\s*% off", negatable: true },
    {
      id: "en-free-month",
      lang: "en",
      source:
        "(?:(?:free|complimentary) (?:months?|weeks?|years?|upgrade|night|meal|tickets?)|months? (?:free|on us)|on the house)",
      negatable: true,
    },
    {
      id: "en-gesture",
      lang: "en",
      source:
        "(?:(?:goodwill|commercial) gesture|gesture of goodwill|an? (?:small |little )?gesture|compensation|compensate|compensated|compensating)",
      negatable: true,
    },
    {
      id: "fr-geste",
      lang: "fr",
      source: "(?:un (?:petit )?geste(?: commercial)?|gestes? commercia(?:l|ux))",
      negatable: true,
    },
    {
      id: "fr-bon-achat",
      lang: "fr",
      source: "(?:bons? d'achat|bons? de reduction|codes? promo|cartes? cadeaux?)",
      negatable: true,
    },
    { id: "fr-rembourser", lang: "fr", source: "rembours[a-z]*", negatable: true },
    // "Avoir" is mostly the verb "to have": only "un avoir" or "avoir de 20 €" is a credit note.
    {
      id: "fr-avoir",
      lang: "fr",
      source: "(?:(?:un|votre|ton|cet) avoir|avoir de \\d+(?:[.,]\\d+)?\\s*(?:€|euros?|eur))",
      negatable: true,
    },
    // "La remise en service", "la remise du colis": handing over or restoring, not a discount.
    {
      id: "fr-remise",
      lang: "fr",
      source: "remises?(?! (?:en|a|au|aux|des|du|de la|sous|des cles|de votre colis)(?![a-z]))",
      negatable: true,
    },
    {
      id: "fr-reduction",
      lang: "fr",
      source: "(?:reduction de \\d+|\\d+\\s*% de (?:reduction|remise)|(?:une|votre|ta) reduction)",
      negatable: true,
    },
    {
      id: "fr-mois-offert",
      lang: "fr",
      source: "(?:mois (?:offerts?|gratuits?)|(?:offrir|offrons|offrirons) (?:un|une|le|les|deux|trois|\\d+) mois)",
      negatable: true,
    },
    {
      id: "fr-dedommager",
      lang: "fr",
      source: "(?:dedommag[a-z]*|indemnis[a-z]*|compens(?:ation|er|ons|erons))",
      negatable: true,
    },
  ],
};

export const PHRASE_RULES: readonly PhraseRule[] = [
  BLAME,
  DEFENSIVE,
  THREAT,
  SARCASM,
  PERSONAL_DATA,
  PUBLIC_COMPENSATION,
];

// ── Cues (folded, masked text) ───────────────────────────────────────────────────────────────────────────

/**
 * A negation between the clause start and the match: "we will not close your account", "ce n'est pas votre
 * faute", "never share your password", "nous n'allons pas suspendre votre compte".
 */
export const NEGATION_SOURCE =
  "(?<![\\p{L}\\p{M}\\p{N}])(?:not|never|no|nobody|nothing|none|without|cannot|ne|pas|jamais|aucun|aucune|sans|ni|rien)(?![\\p{L}\\p{M}\\p{N}])|n't|(?<![\\p{L}\\p{M}\\p{N}])n'";

/**
 * A negation right after the match, in the same clause: "refunds aren't possible", "le remboursement n'est pas
 * prévu". Matched sticky at the end of the match, over the next few words only.
 */
export const NEGATION_AFTER_SOURCE =
  "[^,;:.!?—–()]{0,25}?(?<![\\p{L}\\p{M}\\p{N}])(?:isn't|aren't|wasn't|won't|is not|are not|was not|will not|cannot|can't|not possible|impossible|n'est pas|ne sont pas|ne sera pas|n'est plus|ne peut pas|pas possible)(?![\\p{L}\\p{M}\\p{N}])";

/** Negations that do not negate the sanction: "n'hésitez pas à…", "we won't hesitate to…", "no worries". */
export const NEGATION_IGNORE_SOURCE =
  "(?:(?:won't|will not|wouldn't|would not|don't|do not|never) (?:hesitate|think twice)|n'hesit[a-z]* pas|ne pas hesiter|no (?:problem|worries)|pas de (?:souci|soucis|probleme))";

/** Moving to a private channel in the same sentence makes a request or an offer the right practice. */
export const PRIVATE_SOURCE =
  "(?<![\\p{L}\\p{M}\\p{N}])(?:dms?|direct messages?|private messages?|privately|in private|inbox|messages? prives?|messagerie privee|en prive|mp)(?![\\p{L}\\p{M}\\p{N}])";

/**
 * A request for the data in the sentence before it. Agent-side sending ("we'll send a code to your phone",
 * "nous allons vous envoyer un lien à votre adresse") is not a request, hence the look-behinds.
 */
export const REQUEST_SOURCE = [
  "(?<!(?<![\\p{L}\\p{M}\\p{N}])(?:we|i|we'll|i'll|we will|i will|we can|i can|we'd|i'd|to|will|we've|i've) )(?<![\\p{L}\\p{M}\\p{N}])(?:send|share|provide|post|give|confirm|tell|write|include|reply with|respond with|drop|leave|pass along)(?![\\p{L}\\p{M}\\p{N}])",
  "(?<![\\p{L}\\p{M}\\p{N}])(?:what(?:'s| is| was| are)|(?:need|require|want|ask for) (?:your|ur|the)|(?:can|could|may|might) (?:we|i) (?:have|get|ask for|grab|take)|let us know)(?![\\p{L}\\p{M}\\p{N}])",
  "(?<!(?<![\\p{L}\\p{M}\\p{N}])(?:vous |te |t'|lui |leur |se |s'|il |elle |qui |ce |cela |ca ))(?<![\\p{L}\\p{M}\\p{N}])(?:envoyez|envoie|transmettez|transmets|communiquez|communique|donnez|donne|indiquez|indique|precisez|precise|partagez|partage|ecrivez|ecris|renseignez|renseigne|confirmez|confirme|laissez|laisse|rappelez|redonnez|postez|poste|mettez|mets)(?![\\p{L}\\p{M}\\p{N}])",
  "(?:(?<![\\p{L}\\p{M}\\p{N}])(?:nous|me) |(?<![\\p{L}\\p{M}\\p{N}])m')(?:envoyer|transmettre|communiquer|donner|indiquer|preciser|partager|ecrire|confirmer|laisser|redonner|rappeler)(?![\\p{L}\\p{M}\\p{N}])",
  "(?<![\\p{L}\\p{M}\\p{N}])(?:quel(?:le)?s? (?:est|sont|etait)|c'est quoi|(?:nous avons|on a|j'ai|nous aurons|j'aurai|on aura|nous aurions|j'aurais) besoin d|il (?:nous|me) faut)",
].join("|");

/** The customer asked for it, or the reply offers it as their choice: "if you wish", "à votre demande". */
export const CONSENT_SOURCE =
  "(?<![\\p{L}\\p{M}\\p{N}])(?:at your request|as (?:you )?requested|if you (?:wish|want|prefer|'d like|would like)|upon request|on request|would you like (?:us|me) to|do you want (?:us|me) to|a votre demande|a ta demande|comme (?:vous l'avez |tu l'as )?demande|si vous le (?:souhaitez|desirez|voulez)|si vous (?:souhaitez|voulez|desirez)|si tu le (?:souhaites|veux)|si tu (?:souhaites|veux)|souhaitez-vous que (?:nous|je)|voulez-vous que (?:nous|je))(?![\\p{L}\\p{M}\\p{N}])";

/** "You can close your account in the settings": the customer's own action, said just before the match. */
export const OWN_ACTION_SOURCE =
  "(?<![\\p{L}\\p{M}\\p{N}])(?:you can|you may|you could|you'll be able to|vous pouvez|vous pourrez|tu peux|tu pourras)(?![\\p{L}\\p{M}\\p{N}])";

/** Acknowledgement or apology anywhere in the reply. */
export const APOLOGY_SOURCE =
  "(?<![\\p{L}\\p{M}\\p{N}])(?:sorry|apologi[sz](?:e|es|ed|ing)|apology|apologies|regret|regrets|(?:we|i) (?:completely |totally |fully |really )?(?:understand|get it)|understand (?:your|how|why|that|the)|(?:we|i) hear you|(?:that's|that is|this is|it's|it is|how|must be|so|really) (?:frustrating|annoying|infuriating|not ok|unacceptable)|desolee?s?|navree?s?|excuses|excusez|pardon|(?:nous|je|on) (?:vous |te )?(?:comprenons|comprends|comprend|regrettons|regrette|entendons|entend)|j'entends|c'est (?:tres |vraiment |normal que ce soit )?(?:frustrant|agacant|penible|inacceptable))(?![\\p{L}\\p{M}\\p{N}])";

/**
 * Blanked before phrase matching, so a handle, hashtag, link or address never reads as words. Each pattern
 * runs only when its cheap `gate` finds something: most replies hold no link, and a leading character class
 * scanned at every position costs more than the whole phrase pass.
 */
export interface MaskPattern {
  id: "url" | "handle" | "domain";
  source: string;
  gate: string;
  /**
   * When set, `source` only finds the end of the span (a literal start such as "." is fast to search) and the
   * span extends back over these characters: a pattern starting with a character class would retry at every
   * position of every word.
   */
  walkBack?: string;
}

const TLD = "(?:com|fr|net|org|io|co|uk|eu|be|ch|ca|app|ly|gl|info)(?![\\p{L}\\p{M}\\p{N}])";

export const MASK_PATTERNS: readonly MaskPattern[] = [
  {
    id: "url",
    source: "https?:\\/\\/[^\\s]+?(?=[.,;:!?)]*(?:\\s|$))|www\\.[^\\s]+?(?=[.,;:!?)]*(?:\\s|$))",
    gate: "http|www\\.",
  },
  { id: "handle", source: "[@#][\\p{L}\\p{M}\\p{N}_]+", gate: "[@#]" },
  {
    id: "domain",
    source: `\\.${TLD}(?:\\/[^\\s]*?(?=[.,;:!?)]*(?:\\s|$)))?`,
    gate: `\\.${TLD}`,
    walkBack: "[a-z0-9.-]",
  },
];

/**
 * E-mail addresses are found from their "@" (the domain part), then the engine walks back over the local part:
 * a regex starting with the local part's character class would rescan every word of the reply.
 */
export const EMAIL_DOMAIN_SOURCE = "@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.[a-z]{2,}(?![\\p{L}\\p{M}\\p{N}])";
export const EMAIL_LOCAL_CHAR_SOURCE = "[\\p{L}\\p{N}._%+-]";

// ── Personal data written in the reply itself ────────────────────────────────────────────────────────────

export interface ExposurePattern {
  id: "phone" | "iban" | "card";
  /** Matched against the folded (lower-case) text, before masking. */
  source: string;
  /** Extra check that keeps order numbers and dates from passing for cards and IBANs. */
  validate?: (match: string) => boolean;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** Luhn checksum: a random 16-digit order number passes only one time in ten. */
function luhn(match: string): boolean {
  const digits = digitsOf(match);
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check, computed in chunks (no BigInt needed). */
function ibanValid(match: string): boolean {
  const compact = match.replace(/\s/g, "").toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

function phoneDigits(match: string): boolean {
  const n = digitsOf(match).length;
  return n >= 9 && n <= 15;
}

export const EXPOSURE_PATTERNS: readonly ExposurePattern[] = [
  {
    id: "iban",
    source: "(?<![\\p{L}\\p{M}\\p{N}])[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?(?![\\p{L}\\p{M}\\p{N}])",
    validate: ibanValid,
  },
  { id: "card", source: "(?<![\\d+])\\d(?:[ -]?\\d){12,18}(?!\\d)", validate: luhn },
  {
    id: "phone",
    source:
      "(?<![\\d+\\p{L}])(?:(?:\\+33 ?|0033 ?|0)[1-9](?:[ .-]?\\d{2}){4}|\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}|\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4})(?!\\d)",
    validate: phoneDigits,
  },
];

// ── Capitals ─────────────────────────────────────────────────────────────────────────────────────────────

/** All-caps words that are names, not shouting. Compared in upper case. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  (
    "SNCF RATP SAV URL FAQ DM MP RIB IBAN BIC PIN CGV CGU SMS MMS PDF API TV TVA TTC HT EDF GDF SFR RER TGV TER " +
    "ID OK USA UK EU UE ATM GPS WIFI ADSL VDSL FTTH SIM PS NB RGPD GDPR CNIL CEO HR RH IT VIP PDG UPS DHL USPS " +
    "SAMU CAF CPAM RSA ETA FYI BTW CET CEST GMT UTC AM PM EUR USD GBP NFC QR FNAC IKEA BNP LCL SG AXA MAIF MACIF " +
    "CB IOS PC USB HDMI DVD CD LED TNT BBOX SAS SARL NASA"
  ).split(" "),
);

export const CAPITALS = {
  /** Words of at least this many letters count towards a shouting run. */
  minWordLetters: 3,
  /** A run needs this many such words. */
  minRunWords: 2,
  /** Share of capital letters above which the whole reply shouts… */
  maxUpperShare: 0.3,
  /** …counted only when the reply has at least this many letters. */
  minLettersForShare: 20,
} as const;

// ── Language ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Frequent words that belong to one language only ("a", "on", "me", "as", "son" are both and stay out). French
 * elisions ("l'", "d'", "qu'") count as French words: the tokenizer splits them off.
 */
export const STOPWORDS: Readonly<Record<"en" | "fr", ReadonlySet<string>>> = {
  en: new Set(
    (
      "the and you your we our to is are for with this that it of in be have has will can please sorry thanks thank " +
      "us my what when how not do does did was were would could should just here there from by at an all about " +
      "get hi hello ll ve re if so they them their been any help know"
    ).split(" "),
  ),
  fr: new Set(
    (
      "le la les un une des du et est vous votre vos nous notre nos je tu ton ta tes pour avec dans sur pas ne que " +
      "qui ce cette mais au aux se sont merci bonjour tout tres bien ete etre avoir il elle ils elles leur " +
      "desole desoles excuses y cela ca aussi encore deja avez sommes etes suis peux pouvez de en ou si par d l j qu n c"
    ).split(" "),
  ),
};

export const LANGUAGE = {
  /** Shorter replies ("Merci @jane !") say too little to judge. */
  minWords: 6,
  /** The winning language needs this many stopwords… */
  minStopwords: 2,
  /** …and this many times the other's count, or the reply is mixed and left alone. */
  dominance: 2,
} as const;

// ── Placeholders (original text: case matters for [NAME] and TODO) ───────────────────────────────────────

export const PLACEHOLDER_SOURCES: readonly PatternSpec[] = [
  { id: "braces", lang: "any", source: "\\{\\{?[^{}\\n]{0,40}\\}?\\}" },
  { id: "voice-choice", lang: "any", source: "\\[[^\\[\\]\\n|]{0,40}\\|[^\\[\\]\\n]{0,40}\\]" },
  { id: "brackets", lang: "any", source: "\\[\\p{Lu}[\\p{Lu}\\p{M}\\p{N} _.'-]{0,30}\\]" },
  { id: "angle", lang: "any", source: "<\\p{L}[\\p{L}\\p{M}\\p{N} _.-]{0,30}>" },
  { id: "xxx", lang: "any", source: "(?<![\\p{L}\\p{M}\\p{N}_])X{3,}(?![\\p{L}\\p{M}\\p{N}_])" },
  {
    id: "todo",
    lang: "any",
    source: "(?<![\\p{L}\\p{M}\\p{N}_])(?:TODO|FIXME|TBD)(?![\\p{L}\\p{M}\\p{N}_])|[Ll]orem [Ii]psum",
  },
];

// ── Messages ─────────────────────────────────────────────────────────────────────────────────────────────

export interface RuleText {
  message: Bilingual;
  fix: Bilingual;
}

export type MessageKey = LintRuleId | "personal-data-exposed" | "capitals-share";

export const MESSAGES: Readonly<Record<MessageKey, RuleText>> = {
  blame: {
    message: {
      en: "Blames the customer: in public this reads as a reprimand and fuels the fire.",
      fr: "Rejette la faute sur le client : en public, cela sonne comme un reproche et attise la colère.",
    },
    fix: {
      en: 'Take ownership instead: apologise and give the next step ("Sorry for the confusion, here is how we will sort it out").',
      fr: "Assumez plutôt : excusez-vous et donnez la prochaine étape (« Désolés pour la confusion, voici comment on règle ça »).",
    },
  },
  defensive: {
    message: {
      en: 'Hides behind policy or excuses: the customer hears "no" and "not our problem".',
      fr: "Se retranche derrière le règlement ou des excuses : le client entend « non » et « pas notre problème ».",
    },
    fix: {
      en: 'Say what you can do, not what the rules forbid: "Here is what we can do for you…", then offer a DM.',
      fr: "Dites ce que vous pouvez faire, pas ce que le règlement interdit : « Voici ce que nous pouvons faire… », puis proposez un message privé.",
    },
  },
  threat: {
    message: {
      en: "Sounds like a threat or a sanction (closing the account, legal action, blocking): this is how a complaint becomes a bad buzz.",
      fr: "Ressemble à une menace ou une sanction (fermeture de compte, poursuites, blocage) : c'est ainsi qu'une réclamation devient un bad buzz.",
    },
    fix: {
      en: "Remove it. If the post breaks the rules, escalate to a lead internally; in public, acknowledge and offer a DM.",
      fr: "Retirez-la. Si le message enfreint les règles, remontez à un responsable en interne ; en public, reconnaissez le problème et proposez un message privé.",
    },
  },
  sarcasm: {
    message: {
      en: "Reads as ironic or mocking: irony always comes across badly in writing to an upset customer.",
      fr: "Ton ironique ou moqueur : l'ironie passe toujours mal à l'écrit face à un client mécontent.",
    },
    fix: {
      en: "Use plain, sincere words: drop the emoji or the aside and say what you will do.",
      fr: "Employez des mots simples et sincères : retirez l'emoji ou la remarque et dites ce que vous allez faire.",
    },
  },
  capitals: {
    message: {
      en: "Words in capitals read as shouting.",
      fr: "Des mots en majuscules se lisent comme des cris.",
    },
    fix: {
      en: "Write them in normal case; to stress a point, choose the words, not capitals.",
      fr: "Écrivez-les en minuscules ; pour insister, choisissez les mots plutôt que les majuscules.",
    },
  },
  "capitals-share": {
    message: {
      en: "Much of the reply is in capitals, which reads as shouting.",
      fr: "Une grande partie de la réponse est en majuscules : cela se lit comme des cris.",
    },
    fix: {
      en: "Rewrite it in normal case; keep capitals for names and acronyms.",
      fr: "Réécrivez-la en minuscules ; gardez les majuscules pour les noms propres et les sigles.",
    },
  },
  "personal-data": {
    message: {
      en: "Asks for personal data in public: everyone following the thread would see the answer.",
      fr: "Demande des données personnelles en public : tous ceux qui suivent la conversation verraient la réponse.",
    },
    fix: {
      en: 'Ask for it by private message only: "Could you send us your order number by DM?"',
      fr: "Demandez-les uniquement en message privé : « Pouvez-vous nous envoyer votre numéro de commande en message privé ? »",
    },
  },
  "personal-data-exposed": {
    message: {
      en: "The reply contains what looks like an e-mail address, phone number, IBAN or card number: never publish it.",
      fr: "La réponse contient ce qui ressemble à une adresse e-mail, un numéro de téléphone, un IBAN ou un numéro de carte : ne le publiez jamais.",
    },
    fix: {
      en: "Remove it and exchange contact or account details by private message.",
      fr: "Retirez-le et échangez les coordonnées ou informations de compte en message privé.",
    },
  },
  "public-compensation": {
    message: {
      en: "Offers compensation in public: it invites everyone to ask for the same and fuels the fire.",
      fr: "Propose un dédommagement en public : cela incite tout le monde à réclamer la même chose et attise la polémique.",
    },
    fix: {
      en: 'Move it to a private message: "Send us a DM and we will look at what we can do."',
      fr: "Passez en message privé : « Écrivez-nous en message privé, on regarde ce qu'on peut faire. »",
    },
  },
  "no-apology": {
    message: {
      en: "No apology or acknowledgement in a reply to an upset customer.",
      fr: "Aucune excuse ni marque de compréhension dans une réponse à un client mécontent.",
    },
    fix: {
      en: 'Start by acknowledging: "Sorry about this, we understand how frustrating it is."',
      fr: "Commencez par reconnaître le problème : « Désolés pour ce souci, nous comprenons votre agacement. »",
    },
  },
  "too-long": {
    message: {
      en: "{over} characters too long ({length}/{max}).",
      fr: "{over} caractères de trop ({length}/{max}).",
    },
    fix: {
      en: "Shorten it: keep the apology and the invitation to DM, drop the rest.",
      fr: "Raccourcissez : gardez les excuses et l'invitation au message privé, retirez le reste.",
    },
  },
  "wrong-language": {
    message: {
      en: "The reply seems to be in {reply} while the post is in {post}.",
      fr: "La réponse semble être en {reply} alors que le message est en {post}.",
    },
    fix: {
      en: "Answer in the customer's language.",
      fr: "Répondez dans la langue du client.",
    },
  },
  placeholder: {
    message: {
      en: "Unfilled placeholder: the template was not completed.",
      fr: "Champ à remplir oublié : le modèle n'a pas été complété.",
    },
    fix: {
      en: "Replace it with the real value, or delete it, before posting.",
      fr: "Remplacez-le par la vraie valeur, ou supprimez-le, avant de publier.",
    },
  },
};

/** Language names for the wrong-language message, in each UI language. */
export const LANGUAGE_NAMES: Readonly<Record<"en" | "fr", Bilingual>> = {
  en: { en: "English", fr: "anglais" },
  fr: { en: "French", fr: "français" },
};
