/**
 * The reply playbook: strategies × languages × template variants, and per-category fragments, as data validated
 * by Zod. A team may share its own playbook later (sync); the built-in one below is the default.
 *
 * Every reply follows what works in public (Herhausen et al., Journal of Marketing 2019; see DESIGN.md):
 * acknowledge, apologise, empathise, move to a private message, fix concretely. Never blame, never ask for
 * personal data in public (order number, address, phone: only by private message), never offer compensation in
 * public (it fuels the fire).
 *
 * Template syntax:
 * - `{author}` the @handle, `{agent}` the agent's first name, `{signature}` e.g. "^JD", `{brand}`, `{emoji}`;
 *   `{issue}`, `{fix}`, `{question}` are filled from the post's category fragments.
 * - `[vous form|tu form]` picks by `voice.formality` (French only).
 * - A template is a list of sentences; optional ones are dropped first when the reply is too long, and an
 *   optional sentence naming an empty `{agent}`, `{brand}` or `{signature}` is dropped altogether.
 */
import { z } from "zod";
import { CATEGORIES, STRATEGIES } from "../schemas";

/** Variables a template may use; `fillTemplate` leaves any other `{name}` in place, and the schema refuses it. */
export const TEMPLATE_VARIABLES = [
  "author",
  "agent",
  "signature",
  "brand",
  "emoji",
  "issue",
  "fix",
  "question",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;
const CHOICE_RE = /\[([^[\]|]*)\|([^[\]|]*)\]/g;

/** Template text: known placeholders only, well-formed `[a|b]` choices, no stray braces or brackets. */
function templateText(allowed: readonly string[]) {
  return z
    .string()
    .min(1)
    .max(280)
    .superRefine((text, ctx) => {
      for (const m of text.matchAll(PLACEHOLDER_RE)) {
        if (!allowed.includes(m[1] ?? "")) ctx.addIssue({ code: "custom", message: `unknown placeholder ${m[0]}` });
      }
      const rest = text.replace(PLACEHOLDER_RE, "").replace(CHOICE_RE, "");
      if (/[{}[\]|]/.test(rest)) ctx.addIssue({ code: "custom", message: "unbalanced { } or [ | ] in template" });
    });
}

export const Sentence = z.object({
  text: templateText(TEMPLATE_VARIABLES),
  /** Dropped first when the reply does not fit, and when it names an empty agent, brand or signature. */
  optional: z.boolean(),
});
export type Sentence = z.infer<typeof Sentence>;

export const Template = z.array(Sentence).min(1).max(8);
export type Template = z.infer<typeof Template>;

export const StrategyTemplates = z.object({
  variants: z.array(Template).min(1).max(20),
  /** Used instead of `variants` for severity-3 complaints (threats, blame): hand the case to a lead. */
  escalation: z.array(Template).min(1).max(20).optional(),
});
export type StrategyTemplates = z.infer<typeof StrategyTemplates>;

const PlaybookLang = z.enum(["fr", "en"]);
export type PlaybookLang = z.infer<typeof PlaybookLang>;

const LangTemplates = z.object({ fr: StrategyTemplates, en: StrategyTemplates });

/** Fragments carry no placeholders of their own (only `[vous|tu]` choices): they are values, not templates. */
const Fragment = templateText([]);
export const CategoryFragments = z.object({
  /** Noun phrase for the problem: "ce souci de livraison", "the trouble with your delivery". */
  issue: z.array(Fragment).min(1),
  /** One sentence saying what we do now. */
  fix: z.array(Fragment).min(1),
  /** One question that needs no personal data to answer in public. */
  question: z.array(Fragment).min(1),
});
export type CategoryFragments = z.infer<typeof CategoryFragments>;

const LangFragments = z.object(
  Object.fromEntries(CATEGORIES.map((c) => [c, CategoryFragments])) as Record<
    (typeof CATEGORIES)[number],
    typeof CategoryFragments
  >,
);

export const Playbook = z.object({
  version: z.number().int().positive(),
  voice: z.object({
    /** French address: "vous" (default, brands' norm) or "tu" (some youth brands). */
    formality: z.enum(["vous", "tu"]),
    /** Whether replies may carry an emoji (🙏). Off by default: a serious complaint deserves a sober reply. */
    emoji: z.boolean(),
  }),
  strategies: z.object(
    Object.fromEntries(STRATEGIES.map((s) => [s, LangTemplates])) as Record<
      (typeof STRATEGIES)[number],
      typeof LangTemplates
    >,
  ),
  fragments: z.object({ fr: LangFragments, en: LangFragments }),
});
export type Playbook = z.infer<typeof Playbook>;

// ── The built-in playbook ────────────────────────────────────────────────────────────────────────────────

const req = (text: string): Sentence => ({ text, optional: false });
const opt = (text: string): Sentence => ({ text, optional: true });

const DEFAULT_PLAYBOOK_INPUT: z.input<typeof Playbook> = {
  version: 1,
  voice: { formality: "vous", emoji: false },
  strategies: {
    "acknowledge-dm": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, toutes nos excuses pour {issue}."),
            req("[Nous comprenons tout à fait votre agacement.|On comprend tout à fait ton agacement.]"),
            req(
              "[Pouvez-vous nous écrire en message privé ?|Peux-tu nous écrire en message privé ?] On s'en occupe personnellement. {emoji}",
            ),
            opt("Ici {agent}, je suis là pour [vous aider|t'aider]."),
            req("{signature}"),
          ],
          [
            req("{author} Nous sommes sincèrement désolés pour {issue}."),
            opt("Ce n'est pas l'expérience que [vous méritez|tu mérites]."),
            req("[Écrivez-nous|Écris-nous] en message privé, on regarde ça ensemble tout de suite. {emoji}"),
            opt("{agent}, de l'équipe {brand}."),
            req("{signature}"),
          ],
          [
            req("Toutes mes excuses pour {issue}, {author}."),
            req("[Je comprends votre frustration|Je comprends ta frustration] et je veux que ça s'arrange vite."),
            req("[Envoyez-moi|Envoie-moi] un message privé et je m'en occupe personnellement. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
        ],
        escalation: [
          [
            req("Bonjour {author}, toutes nos excuses pour {issue}."),
            req(
              "[Votre message est pris très au sérieux|Ton message est pris très au sérieux] : je transmets à un responsable dès maintenant.",
            ),
            req(
              "[Pouvez-vous nous écrire|Peux-tu nous écrire] en message privé pour qu'on [vous|te] recontacte rapidement ? {emoji}",
            ),
            req("{signature}"),
          ],
          [
            req("{author} Toutes nos excuses pour {issue} : [nous entendons votre colère|on entend ta colère]."),
            req("Je transmets [votre|ton] dossier à un responsable, en priorité."),
            req("[Écrivez-nous|Écris-nous] en message privé : on [vous|te] répond personnellement. {emoji}"),
            opt("Ici {agent}, je suis le dossier."),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, we're really sorry about {issue}."),
            req("We understand how frustrating this is."),
            req("Could you send us a DM? We'll look into it with you right away. {emoji}"),
            opt("{agent} here, happy to help."),
            req("{signature}"),
          ],
          [
            req("{author} Sorry to hear about {issue}, that's not the experience you deserve."),
            req("Please send us a direct message and we'll take care of it personally. {emoji}"),
            opt("This is {agent} from the {brand} team."),
            req("{signature}"),
          ],
          [
            req("Hi {author}, I'm sorry for {issue} and I completely understand your frustration."),
            req("Drop us a DM and I'll look into it personally. {emoji}"),
            opt("Thanks for your patience with us."),
            req("{signature}"),
          ],
        ],
        escalation: [
          [
            req("Hi {author}, we're truly sorry about {issue}, and we take your message very seriously."),
            req("I'm passing this to a team lead right now."),
            req("Please send us a DM so they can get back to you quickly. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} I hear you, and I'm sorry about {issue}."),
            req("I'm passing this to a team lead for priority handling."),
            req("Could you DM us so we can follow up with you personally? {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
        ],
      },
    },
    "concrete-fix": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, nous sommes désolés pour {issue}."),
            req("{fix}"),
            req("On revient vers [vous|toi] en message privé avec une solution concrète. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Merci du signalement, et toutes nos excuses pour {issue}."),
            req("{fix}"),
            req("[Écrivez-nous|Écris-nous] en message privé pour qu'on finalise ensemble. {emoji}"),
            opt("Ici {agent}, je suis le dossier."),
            req("{signature}"),
          ],
          [
            req("Toutes nos excuses pour {issue}, {author}."),
            req("{fix}"),
            req("On [vous|te] tient au courant en message privé. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, sorry about {issue}."),
            req("{fix}"),
            req("We'll follow up by DM with a concrete solution. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Thanks for flagging this, and apologies for {issue}."),
            req("{fix}"),
            req("Send us a DM so we can wrap this up together. {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
          [
            req("Apologies for {issue}, {author}."),
            req("{fix}"),
            req("We'll keep you posted by direct message. {emoji}"),
            opt("Thanks for bearing with us."),
            req("{signature}"),
          ],
        ],
      },
    },
    "ask-detail": {
      fr: {
        variants: [
          [
            req("Bonjour {author}, désolés pour {issue}."),
            req("{question}"),
            req(
              "Pour le reste, [écrivez-nous|écris-nous] en message privé : ne [partagez|partage] aucune donnée personnelle ici. {emoji}",
            ),
            req("{signature}"),
          ],
          [
            req("{author} Désolés pour {issue}, on veut [vous aider|t'aider] au plus vite."),
            req("{question}"),
            req("Les détails de [votre|ton] dossier, c'est en message privé, pour protéger [vos|tes] données. {emoji}"),
            opt("Merci pour [votre|ta] patience."),
            req("{signature}"),
          ],
          [
            req("Toutes nos excuses pour {issue}, {author}."),
            req("{question}"),
            req(
              "[Envoyez-nous|Envoie-nous] ensuite un message privé, jamais d'informations personnelles en public. {emoji}",
            ),
            opt("Ici {agent}, je reste disponible."),
            req("{signature}"),
          ],
        ],
      },
      en: {
        variants: [
          [
            req("Hi {author}, sorry about {issue}."),
            req("{question}"),
            req("For anything personal, please DM us: never share account details here. {emoji}"),
            req("{signature}"),
          ],
          [
            req("{author} Sorry about {issue}, we want to get this sorted quickly for you."),
            req("{question}"),
            req("Send the details of your case by DM so your data stays private. {emoji}"),
            opt("Thanks for your patience."),
            req("{signature}"),
          ],
          [
            req("Apologies for {issue}, {author}."),
            req("{question}"),
            req("Then drop us a direct message: please keep personal details out of public replies. {emoji}"),
            opt("{agent} here, I'm following your case."),
            req("{signature}"),
          ],
        ],
      },
    },
  },
  fragments: {
    fr: {
      delivery: {
        issue: ["ce souci de livraison", "ce problème avec [votre|ta] commande"],
        fix: [
          "On vérifie tout de suite le suivi de [votre|ton] colis avec le transporteur.",
          "On ouvre une enquête auprès du transporteur pour localiser [votre|ton] colis.",
        ],
        question: [
          "Le suivi indique-t-il un incident ou une date de livraison ?",
          "Le colis est-il indiqué livré sans que [vous l'ayez reçu|tu l'aies reçu] ?",
        ],
      },
      billing: {
        issue: ["ce souci de facturation", "ce problème sur [votre|ta] facture"],
        fix: [
          "On vérifie [votre|ta] facturation ligne par ligne pour corriger toute erreur.",
          "Notre équipe facturation contrôle les prélèvements dès maintenant.",
        ],
        question: [
          "S'agit-il d'un double prélèvement ou d'un montant inattendu ?",
          "Sur quelle période porte l'écart constaté ?",
        ],
      },
      outage: {
        issue: ["cette coupure de service", "cette panne"],
        fix: [
          "Nos équipes techniques sont mobilisées et suivent le rétablissement.",
          "On vérifie l'état du réseau dans [votre|ton] secteur et on lance un diagnostic.",
        ],
        question: [
          "Le problème touche-t-il internet, la télévision ou le téléphone ?",
          "Depuis quelle heure environ la coupure dure-t-elle ?",
        ],
      },
      service: {
        issue: ["l'attente sans réponse", "la difficulté à nous joindre"],
        fix: [
          "Je prends le relais pour que [vous ayez|tu aies] enfin une réponse.",
          "On traite [votre|ta] demande en priorité dès maintenant.",
        ],
        question: [
          "Par quel canal [avez-vous|as-tu] essayé de nous joindre ?",
          "Depuis combien de temps [attendez-vous|attends-tu] une réponse ?",
        ],
      },
      account: {
        issue: ["ce souci d'accès à [votre|ton] compte", "ce souci de compte"],
        fix: [
          "On [vous aide|t'aide] à récupérer [votre|ton] compte en toute sécurité.",
          "Notre équipe sécurité peut débloquer [votre|ton] compte avec [vous|toi].",
        ],
        question: [
          "Quel message s'affiche quand [vous essayez de vous connecter|tu essaies de te connecter] ?",
          "Le blocage est-il apparu après un changement de mot de passe ?",
        ],
      },
      product: {
        issue: ["ce dysfonctionnement", "ce problème avec le produit"],
        fix: [
          "On regarde avec [vous|toi] pour trouver la bonne solution, étape par étape.",
          "Notre support technique peut [vous accompagner|t'accompagner] pour régler ça.",
        ],
        question: [
          "Depuis quand le problème apparaît-il, et sur quel appareil ?",
          "Le souci survient-il à chaque utilisation ou de temps en temps ?",
        ],
      },
      pricing: {
        issue: ["cette question de tarif", "ce souci de prix"],
        fix: [
          "Je peux [vous|te] présenter les offres les plus adaptées à [votre|ton] usage.",
          "On peut faire le point ensemble sur [votre|ton] offre actuelle.",
        ],
        question: ["Sur quelle offre porte [votre|ta] question ?", "Quelle partie du tarif pose question ?"],
      },
      other: {
        issue: ["cette situation", "ce désagrément"],
        fix: ["On regarde ça de près dès maintenant.", "On prend [votre|ta] demande en charge tout de suite."],
        question: [
          "[Pouvez-vous|Peux-tu] nous en dire un peu plus sur ce qui s'est passé ?",
          "Que s'est-il passé exactement ?",
        ],
      },
    },
    en: {
      delivery: {
        issue: ["the trouble with your delivery", "the problem with your order"],
        fix: [
          "We're checking your parcel's tracking with the carrier right now.",
          "We're opening an investigation with the carrier to locate your parcel.",
        ],
        question: [
          "Does the tracking page show an incident or a delivery date?",
          "Does tracking say delivered when you haven't received it?",
        ],
      },
      billing: {
        issue: ["the billing issue", "the trouble with your bill"],
        fix: [
          "Our billing team is reviewing your charges line by line to correct any error.",
          "We're checking the payments on your account right now.",
        ],
        question: ["Is it a double charge or an amount you didn't expect?", "Which billing period does this concern?"],
      },
      outage: {
        issue: ["the service interruption", "the outage"],
        fix: [
          "Our technical teams are on it and we're tracking the restoration closely.",
          "We're checking the network status in your area and running a diagnostic.",
        ],
        question: ["Is it affecting internet, TV or phone service?", "Roughly when did the outage start?"],
      },
      service: {
        issue: ["the wait and the lack of answers", "how hard it was to reach us"],
        fix: [
          "I'm taking this over personally so you finally get an answer.",
          "We're prioritising your request right now.",
        ],
        question: ["Which channel did you use to try to reach us?", "How long have you been waiting for an answer?"],
      },
      account: {
        issue: ["the trouble with your account", "the account access issue"],
        fix: [
          "We'll help you get back into your account safely.",
          "Our security team can secure and unlock your account with you.",
        ],
        question: ["What message do you see when you try to log in?", "Did the lockout start after a password change?"],
      },
      product: {
        issue: ["the trouble with the product", "the issue you're having"],
        fix: [
          "We'll work through it with you step by step to find the right fix.",
          "Our tech support can walk you through sorting this out.",
        ],
        question: [
          "Since when has this been happening, and on which device?",
          "Does it happen every time or only now and then?",
        ],
      },
      pricing: {
        issue: ["the pricing concern", "the price change"],
        fix: [
          "I can walk you through the plans that best fit your usage.",
          "We can review your current plan together.",
        ],
        question: ["Which plan is your question about?", "Which part of the price seems off to you?"],
      },
      other: {
        issue: ["this situation", "the inconvenience"],
        fix: ["We're looking into it right now.", "We're taking care of your request right away."],
        question: ["Could you tell us a bit more about the situation?", "What happened exactly?"],
      },
    },
  },
};

/** Validated at module load: a broken built-in playbook must fail the build's tests, not an agent's reply. */
export const DEFAULT_PLAYBOOK: Playbook = Playbook.parse(DEFAULT_PLAYBOOK_INPUT);
