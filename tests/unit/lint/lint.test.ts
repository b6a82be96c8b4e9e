import { describe, expect, test } from "vitest";
import { isBlocking, type LintContext, type LintRuleId, type LintWarning, lintReply } from "../../../lib/lint";
import { EXPOSURE_PATTERNS, MESSAGES, PHRASE_RULES, PLACEHOLDER_SOURCES } from "../../../lib/lint/rules";
import type { Category, Detection, Lang, Severity } from "../../../lib/schemas";
import { CATEGORIES } from "../../../lib/schemas";
import { chooseVoice, fillTemplate, type SuggestInput, suggest, weightedLength } from "../../../lib/suggest";
import { DEFAULT_PLAYBOOK, Playbook, templatesOf } from "../../../lib/suggest/playbook";
import { detectionOf } from "../support/factories";

type Level = LintWarning["level"];
type L = "en" | "fr";

/** A positive case: the text must carry a warning of `rule` with this level and excerpt. */
type Hit = readonly [L, string, Level, string, Partial<LintContext>?];
/** A negative case: the text must carry no warning of `rule`. */
type Miss = readonly [L, string, Partial<LintContext>?];

const ctxFor = (lang: L, extra: Partial<LintContext> = {}): LintContext => ({
  postLang: lang,
  severity: 1,
  maxLength: 280,
  ...extra,
});

const of = (warnings: LintWarning[], rule: LintRuleId) => warnings.filter((w) => w.rule === rule);

interface RuleTable {
  rule: LintRuleId;
  hits: readonly Hit[];
  misses: readonly Miss[];
}

const TABLES: readonly RuleTable[] = [
  {
    rule: "blame",
    hits: [
      ["en", "You should have read the FAQ before ordering.", "block", "You should have"],
      ["en", "It's your fault the parcel was returned.", "block", "your fault"],
      ["en", "It’s entirely your own fault.", "block", "your own fault"],
      ["en", "You didn't read the delivery instructions.", "block", "You didn't read"],
      ["en", "As we already told you, the shop is closed on Sundays.", "block", "As we already told you"],
      ["en", "If you had checked the tracking page you would know.", "block", "If you had checked"],
      ["fr", "Vous auriez dû lire les conditions.", "block", "Vous auriez dû"],
      ["fr", "C'est de votre faute si le colis est reparti.", "block", "votre faute"],
      ["fr", "Vous n'avez pas lu le mail de confirmation.", "block", "Vous n'avez pas lu"],
      ["fr", "Comme déjà indiqué, le magasin est fermé.", "block", "Comme déjà indiqué"],
      ["fr", "Il fallait nous prévenir avant.", "block", "Il fallait"],
      ["fr", "Tu aurais dû vérifier avant de commander.", "block", "Tu aurais dû"],
      ["fr", "vous auriez du lire la FAQ", "block", "vous auriez du"],
    ],
    misses: [
      ["en", "You should have received a confirmation email, could you check the spam folder?"],
      ["en", "It's not your fault at all, and we're sorry."],
      ["en", "This was never your fault."],
      ["en", "As we mentioned earlier, the outage is now fixed."],
      ["en", "You shouldn't have to chase us for this, sorry."],
      ["fr", "Ce n'est pas de votre faute, nous sommes désolés."],
      ["fr", "Vous auriez dû être prévenu plus tôt, toutes nos excuses."],
      ["fr", "Vous auriez dû recevoir un e-mail de confirmation."],
      ["fr", "Comme indiqué dans votre suivi, le colis arrive demain."],
      ["fr", "Il ne fallait pas attendre autant, désolés."],
    ],
  },
  {
    rule: "defensive",
    hits: [
      ["en", "According to our policy, we can't do that.", "warn", "According to our policy"],
      ["en", "Per our terms, this is not covered.", "warn", "Per our terms"],
      ["en", "Our policy is clear on this point.", "warn", "Our policy"],
      ["en", "There is nothing we can do about it.", "warn", "nothing we can do"],
      ["en", "That's not our responsibility.", "warn", "not our responsibility"],
      ["en", "Delays are beyond our control.", "warn", "beyond our control"],
      ["fr", "Conformément à nos CGV, ce n'est pas possible.", "warn", "Conformément à nos CGV"],
      ["fr", "Notre politique ne permet pas cela.", "warn", "Notre politique"],
      ["fr", "Nous ne pouvons rien faire pour vous.", "warn", "Nous ne pouvons rien faire"],
      ["fr", "Ce n'est pas de notre ressort.", "warn", "Ce n'est pas de notre ressort"],
      ["fr", "Ce n’est pas notre faute.", "warn", "Ce n’est pas notre faute"],
    ],
    misses: [
      ["en", "We're reviewing our policy with your feedback in mind."],
      ["en", "Here's what we can do: we'll check it today."],
      ["en", "We take full responsibility for the delay."],
      ["fr", "Nous revoyons notre politique tarifaire grâce à vos retours."],
      ["fr", "Voici ce que nous pouvons faire pour vous dès maintenant."],
      ["fr", "Nous prenons nos responsabilités : on s'en occupe."],
      ["fr", "Les conditions générales sont disponibles sur notre site."],
    ],
  },
  {
    rule: "threat",
    hits: [
      ["en", "We will close your account if this continues.", "block", "close your account"],
      ["en", "We may take legal action.", "block", "legal action"],
      ["en", "We reserve the right to moderate this thread.", "block", "We reserve the right"],
      ["en", "You will be blocked if you keep posting this.", "block", "You will be blocked"],
      ["en", "We'll report you to the platform.", "block", "report you"],
      ["fr", "Nous allons clôturer votre compte.", "block", "clôturer votre compte"],
      ["fr", "Nous nous réservons le droit d'agir.", "block", "Nous nous réservons le droit"],
      ["fr", "Des poursuites judiciaires seront engagées.", "block", "poursuites judiciaires"],
      ["fr", "Nous allons suspendre votre compte.", "block", "suspendre votre compte"],
      ["fr", "Vous serez bloqué si cela continue.", "block", "Vous serez bloqué"],
      ["fr", "Si vous ne payez pas, nous fermerons votre compte.", "block", "fermerons votre compte"],
    ],
    misses: [
      ["en", "We will not close your account."],
      ["en", "We'd never take legal action over a tweet."],
      ["en", "We can unblock your account with you right now."],
      ["en", "You can close your account at any time in the settings."],
      ["en", "We can close your account if you wish."],
      ["fr", "Nous ne fermerons pas votre compte."],
      ["fr", "Nous n'allons pas suspendre votre compte, rassurez-vous."],
      ["fr", "Notre équipe sécurité peut débloquer votre compte avec vous."],
      ["fr", "Nous allons poursuivre nos vérifications."],
      ["fr", "Nous pouvons clôturer votre compte à votre demande."],
    ],
  },
  {
    rule: "sarcasm",
    hits: [
      ["en", "Thanks for your patience 🙄", "warn", "Thanks for your patience 🙄"],
      ["en", "Obviously the parcel can't fly.", "warn", "Obviously"],
      ["en", "As anyone knows, trains run late in winter.", "warn", "As anyone knows"],
      ["en", "lol we'll check", "warn", "lol"],
      ["en", "Sure, we'll look into it 🙃", "warn", "🙃"],
      ["fr", "Bien évidemment, le colis arrive demain.", "warn", "Bien évidemment"],
      ["fr", "Comme tout le monde le sait, le réseau est saturé le soir.", "warn", "Comme tout le monde le sait"],
      ["fr", "mdr on regarde", "warn", "mdr"],
      ["fr", "Merci pour votre patience 😒", "warn", "Merci pour votre patience 😒"],
    ],
    misses: [
      ["en", "Thanks for your patience, we're on it."],
      ["en", "It's obvious this shouldn't have happened, sorry."],
      ["en", "We'll check the Lollapalooza tickets for you."],
      ["en", "Sorry 🙏 we're on it, @lol_support will DM you."],
      ["fr", "Évidemment, nous sommes désolés pour ce retard."],
      ["fr", "Merci pour votre patience, on s'en occupe."],
      ["fr", "Bon courage à vous, on revient vite vers vous."],
    ],
  },
  {
    rule: "capitals",
    hits: [
      ["en", "We are VERY SORRY about this.", "warn", "VERY SORRY"],
      ["en", "PLEASE READ THE EMAIL we sent.", "warn", "PLEASE READ THE EMAIL"],
      ["en", "WE ARE SORRY", "warn", "WE ARE SORRY"],
      ["en", "Sorry, THIS is NOT how we WORK here, really.", "warn", "Sorry, THIS is NOT how we WORK here, really."],
      ["fr", "Nous sommes VRAIMENT DÉSOLÉS.", "warn", "VRAIMENT DÉSOLÉS"],
      ["fr", "MERCI DE LIRE nos messages.", "warn", "MERCI DE LIRE"],
      ["fr", "ARRÊTEZ DE NOUS ÉCRIRE", "warn", "ARRÊTEZ DE NOUS ÉCRIRE"],
      [
        "fr",
        "Bonjour, CECI est INADMISSIBLE et nous TRAITONS votre cas.",
        "warn",
        "Bonjour, CECI est INADMISSIBLE et nous TRAITONS votre cas.",
      ],
    ],
    misses: [
      ["en", "Please DM us via the FAQ page or the SNCF app."],
      ["en", "Hi @JANE_DOE, sorry about this. #ACME_HELP"],
      ["en", "Our TV and SMS services are back, sorry."],
      ["en", "I am sorry, I will check it now."],
      ["fr", "Écrivez-nous en MP ou via le SAV de la SNCF."],
      ["fr", "Bonjour @JEAN_DUPONT, désolés pour ce retard."],
      ["fr", "Le TGV et le TER circulent à nouveau."],
    ],
  },
  {
    rule: "personal-data",
    hits: [
      ["en", "Send us your order number and we'll check.", "block", "your order number"],
      ["en", "What's your email?", "block", "What's your email"],
      ["en", "Please reply with your phone number.", "block", "your phone number"],
      ["en", "Can you share your home address so we can resend it?", "block", "your home address"],
      ["en", "Call our agent on +44 20 7946 0958 today.", "block", "+44 20 7946 0958"],
      ["en", "Write to jane.doe@example.com for help.", "block", "jane.doe@example.com"],
      ["en", "Your card 4111 1111 1111 1111 was charged twice.", "block", "4111 1111 1111 1111"],
      ["fr", "Pouvez-vous nous envoyer votre numéro de commande ?", "block", "votre numéro de commande"],
      ["fr", "Quelle est votre adresse ?", "block", "Quelle est votre adresse"],
      ["fr", "Indiquez-nous votre numéro de téléphone.", "block", "votre numéro de téléphone"],
      ["fr", "Envoyez-nous votre RIB.", "block", "votre RIB"],
      ["fr", "Communiquez-nous votre mot de passe.", "block", "votre mot de passe"],
      ["fr", "N'hésitez pas à nous envoyer votre adresse.", "block", "votre adresse"],
      ["fr", "Appelez-moi au 06 12 34 56 78.", "block", "06 12 34 56 78"],
      ["fr", "Virez sur FR76 3000 6000 0112 3456 7890 189.", "block", "FR76 3000 6000 0112 3456 7890 189"],
    ],
    misses: [
      ["en", "Send us your order number by DM and we'll check."],
      ["en", "Please check your email for a confirmation link."],
      ["en", "We'll send a reset link to your email address."],
      ["en", "Never share your password with anyone."],
      ["en", "Drop us a DM with your order number."],
      ["en", "Order 12345678 is on its way, tracking updates at 10:30."],
      ["fr", "Envoyez-nous votre numéro de commande par message privé."],
      ["fr", "Envoyez-nous votre numéro de commande en MP."],
      ["fr", "Ne partagez jamais votre mot de passe."],
      ["fr", "Nous allons vous envoyer un lien à votre adresse e-mail."],
      ["fr", "Vérifiez votre adresse dans l'application."],
      ["fr", "N'hésitez pas à nous envoyer votre adresse en DM."],
    ],
  },
  {
    rule: "public-compensation",
    hits: [
      ["en", "We'll refund you today.", "warn", "refund"],
      ["en", "Here's a voucher for the trouble.", "warn", "voucher"],
      ["en", "We can offer a 20% discount.", "warn", "discount"],
      ["en", "Enjoy a free month on us.", "warn", "free month"],
      ["en", "We'd like to offer a goodwill gesture.", "warn", "goodwill gesture"],
      ["fr", "Nous vous offrons un geste commercial.", "warn", "un geste commercial"],
      ["fr", "Voici un bon d'achat de 10 €.", "warn", "bon d'achat"],
      ["fr", "Nous vous remboursons dès aujourd'hui.", "warn", "remboursons"],
      ["fr", "Nous vous proposons un avoir de 20 €.", "warn", "un avoir"],
      ["fr", "Une remise de 15 % vous attend.", "warn", "remise"],
    ],
    misses: [
      ["en", "In DM we can look at a gesture."],
      ["en", "Send us a DM and we'll look into a refund."],
      ["en", "Feel free to reach out again."],
      ["en", "This month's update fixed the bug."],
      ["en", "Sorry, a refund isn't possible for this fare."],
      ["fr", "Pour savoir ce qui s'est passé, écrivez-nous."],
      ["fr", "Nous allons avoir besoin de quelques informations."],
      ["fr", "La remise en service est prévue ce soir."],
      ["fr", "En message privé, on regarde pour un geste commercial."],
      ["fr", "Nous n'avons aucune réduction à vous proposer ici."],
      ["fr", "Désolés, le remboursement n'est pas possible sur ce tarif."],
    ],
  },
  {
    rule: "no-apology",
    hits: [
      ["en", "We're looking into it, DM us.", "warn", "We're looking into it, DM us.", { severity: 2 }],
      ["en", "Please send us a DM.", "block", "Please send us a DM.", { severity: 3 }],
      ["en", "Check the app for updates.", "warn", "Check the app for updates.", { severity: 2 }],
      ["fr", "Écrivez-nous en message privé.", "block", "Écrivez-nous en message privé.", { severity: 3 }],
      ["fr", "On regarde ça.", "warn", "On regarde ça.", { severity: 2 }],
      ["fr", "Merci pour votre message.", "warn", "Merci pour votre message.", { severity: 2 }],
    ],
    misses: [
      ["en", "Sorry about this, DM us.", { severity: 3 }],
      ["en", "We understand how frustrating this is.", { severity: 3 }],
      ["en", "Please send us a DM.", { severity: 1 }],
      ["en", "Our apologies for the delay.", { severity: 2 }],
      ["en", "We totally get it, that's frustrating. DM us?", { severity: 3 }],
      ["fr", "Désolée pour ce retard.", { severity: 3 }],
      ["fr", "Nous comprenons votre agacement.", { severity: 3 }],
      ["fr", "Toutes nos excuses.", { severity: 2 }],
      ["fr", "Navrés pour la gêne.", { severity: 2 }],
      ["fr", "Je vous comprends, c'est vraiment frustrant.", { severity: 3 }],
    ],
  },
  {
    rule: "too-long",
    hits: [
      ["en", "Sorry about this. ".repeat(16).trim(), "block", "Sorry about this. ".repeat(16).trim()],
      ["en", "😀".repeat(141), "block", "😀".repeat(141)],
      ["en", "Sorry, DM us please.", "block", "Sorry, DM us please.", { maxLength: 10, measure: (s) => s.length }],
      ["fr", "Désolés pour ce retard. ".repeat(12).trim(), "block", "Désolés pour ce retard. ".repeat(12).trim()],
      ["fr", "é".repeat(281), "block", "é".repeat(281)],
      ["fr", "Désolés, écrivez-nous.", "block", "Désolés, écrivez-nous.", { maxLength: 5, measure: (s) => s.length }],
    ],
    misses: [
      ["en", "Sorry about this. ".repeat(15).trim()],
      ["en", "😀".repeat(140)],
      ["en", `Sorry! Details: https://example.com/${"a".repeat(300)}`],
      ["fr", "Désolés pour ce retard. ".repeat(11).trim()],
      ["fr", "é".repeat(280)],
      ["fr", "Désolés, écrivez-nous.", { maxLength: 22, measure: (s) => s.length }],
    ],
  },
  {
    rule: "wrong-language",
    hits: [
      [
        "en",
        "Hi, we are sorry about the delay with your order.",
        "warn",
        "Hi, we are sorry about the delay with your order.",
        { postLang: "fr" },
      ],
      [
        "en",
        "Sorry, we will look into it for you today.",
        "warn",
        "Sorry, we will look into it for you today.",
        { postLang: "fr-FR" },
      ],
      [
        "en",
        "Thanks for your message, could you send us a DM?",
        "warn",
        "Thanks for your message, could you send us a DM?",
        { postLang: "fr" },
      ],
      [
        "fr",
        "Bonjour, nous sommes désolés pour ce retard de livraison.",
        "warn",
        "Bonjour, nous sommes désolés pour ce retard de livraison.",
        { postLang: "en" },
      ],
      [
        "fr",
        "Écrivez-nous en message privé pour que l'on regarde votre dossier.",
        "warn",
        "Écrivez-nous en message privé pour que l'on regarde votre dossier.",
        { postLang: "en" },
      ],
      [
        "fr",
        "Merci pour votre message, nous regardons cela tout de suite.",
        "warn",
        "Merci pour votre message, nous regardons cela tout de suite.",
        { postLang: "EN" },
      ],
    ],
    misses: [
      ["en", "Hi, we are sorry about the delay with your order."],
      ["en", "Hi, we are sorry about the delay with your order.", { postLang: "es" }],
      ["en", "Sorry, DM us.", { postLang: "fr" }],
      ["fr", "Bonjour, nous sommes désolés pour ce retard de livraison."],
      ["fr", "Sorry, merci, thanks, désolés, DM, MP", { postLang: "en" }],
      ["fr", "Bonjour @the_best_of_you_and_we, désolés.", { postLang: "fr" }],
    ],
  },
  {
    rule: "placeholder",
    hits: [
      ["en", "Hi {author}, sorry about this.", "block", "{author}"],
      ["en", "Thanks [NAME], we're on it.", "block", "[NAME]"],
      ["en", "Your order <order> is on its way.", "block", "<order>"],
      ["en", "TODO: add apology", "block", "TODO"],
      ["en", "Order XXX is late, sorry.", "block", "XXX"],
      ["en", "Hi {…}, sorry.", "block", "{…}"],
      ["fr", "Bonjour {author}, désolés.", "block", "{author}"],
      ["fr", "[Écrivez-nous|Écris-nous] en message privé.", "block", "[Écrivez-nous|Écris-nous]"],
      ["fr", "Ici {agent}, je suis le dossier.", "block", "{agent}"],
      ["fr", "Bonjour [PRÉNOM], désolés.", "block", "[PRÉNOM]"],
    ],
    misses: [
      ["en", "Sorry :) we're on it <3"],
      ["en", "We'll fix it [soon], promise."],
      ["en", "We'll add it to our todo list, and our Xbox team will help."],
      ["fr", "Désolés (vraiment) pour ce souci."],
      ["fr", "Le modèle XR est concerné."],
      ["fr", "Voici la marche à suivre : [1] ouvrir l'appli."],
    ],
  },
];

describe.each(TABLES)("rule $rule", ({ rule, hits, misses }) => {
  test("has at least 3 positives and 3 negatives in each language", () => {
    for (const lang of ["en", "fr"] as const) {
      expect(hits.filter((h) => h[0] === lang).length).toBeGreaterThanOrEqual(3);
      expect(misses.filter((m) => m[0] === lang).length).toBeGreaterThanOrEqual(3);
    }
  });

  const hitRows = hits.map(([lang, text, level, excerpt, extra]) => ({ lang, text, level, excerpt, extra }));
  const missRows = misses.map(([lang, text, extra]) => ({ lang, text, extra }));

  test.each(hitRows)("[$lang] flags $text", ({ lang, text, level, excerpt, extra }) => {
    const warnings = lintReply(text, ctxFor(lang, extra));
    const found = of(warnings, rule);
    expect(found.map((w) => ({ level: w.level, excerpt: w.excerpt }))).toContainEqual({ level, excerpt });
    for (const w of found) expect(text.slice(w.start, w.end)).toBe(w.excerpt);
  });

  test.each(missRows)("[$lang] does not flag $text", ({ lang, text, extra }) => {
    expect(of(lintReply(text, ctxFor(lang, extra)), rule)).toEqual([]);
  });
});

describe("warnings", () => {
  test("carry a message and a concrete fix in both languages, for every rule and variant", () => {
    for (const texts of Object.values(MESSAGES)) {
      for (const part of [texts.message, texts.fix]) {
        expect(part.en.length).toBeGreaterThan(10);
        expect(part.fr.length).toBeGreaterThan(10);
      }
    }
  });

  test("too-long says by how much, in both languages", () => {
    const text = "😀".repeat(141);
    const [w] = of(lintReply(text, ctxFor("en")), "too-long");
    expect(w?.message.en).toBe("2 characters too long (282/280).");
    expect(w?.message.fr).toBe("2 caractères de trop (282/280).");
  });

  test("wrong-language names both languages", () => {
    const [w] = of(lintReply("Hi, we are sorry about the delay with your order.", ctxFor("fr")), "wrong-language");
    expect(w?.message.en).toContain("English");
    expect(w?.message.en).toContain("French");
    expect(w?.message.fr).toContain("anglais");
    expect(w?.message.fr).toContain("français");
  });

  test("personal data written in the reply has its own message", () => {
    const [asked] = of(lintReply("Send us your order number.", ctxFor("en")), "personal-data");
    const [shown] = of(lintReply("Write to jane.doe@example.com.", ctxFor("en")), "personal-data");
    expect(asked?.message.en).not.toBe(shown?.message.en);
  });

  test("are ordered by start offset, then rule id", () => {
    const text = "Obviously it's your fault, we will close your account, lol";
    const warnings = lintReply(text, ctxFor("en", { severity: 2 }));
    expect(warnings.map((w) => [w.start, w.rule])).toEqual([
      [0, "no-apology"],
      [0, "sarcasm"],
      [15, "blame"],
      [35, "threat"],
      [55, "sarcasm"],
    ]);
  });

  test("a whole-text rule spans the whole text", () => {
    const text = "Check the app.";
    const [w] = of(lintReply(text, ctxFor("en", { severity: 3 })), "no-apology");
    expect(w).toMatchObject({ start: 0, end: text.length, excerpt: text, level: "block" });
  });

  test("isBlocking is true iff a warning blocks", () => {
    expect(isBlocking([])).toBe(false);
    expect(isBlocking(lintReply("Obviously.", ctxFor("en")))).toBe(false);
    expect(isBlocking(lintReply("It's your fault.", ctxFor("en")))).toBe(true);
    expect(isBlocking(lintReply("Sorry, DM us.", ctxFor("en", { severity: 3 })))).toBe(false);
    expect(isBlocking(lintReply("DM us.", ctxFor("en", { severity: 3 })))).toBe(true);
  });
});

describe("matching", () => {
  test.each([
    ["upper case", "VOUS AURIEZ DÛ LIRE", "VOUS AURIEZ DÛ"],
    ["no accents", "vous auriez du lire", "vous auriez du"],
    ["typographic apostrophe", "It’s your fault.", "your fault"],
    ["line break between words", "You should\nhave read it.", "You should\nhave"],
    ["no-break space", "vous\u00a0auriez dû lire", "vous\u00a0auriez dû"],
  ])("is insensitive to %s", (_name, text, excerpt) => {
    expect(of(lintReply(text, ctxFor("fr")), "blame").map((w) => w.excerpt)).toEqual([excerpt]);
  });

  test("keeps offsets on the original text when accents are decomposed (NFD)", () => {
    const text = "Bonjour. Vous auriez du\u0302 lire, c'est de votre faute.";
    const warnings = of(lintReply(text, ctxFor("fr")), "blame");
    expect(warnings.map((w) => w.excerpt)).toEqual(["Vous auriez du\u0302", "votre faute"]);
    for (const w of warnings) expect(text.slice(w.start, w.end)).toBe(w.excerpt);
  });

  test("respects word boundaries", () => {
    expect(lintReply("Pour savoir, on vérifie.", ctxFor("fr"))).toEqual([]);
    expect(of(lintReply("Our lolcat mascot says hi.", ctxFor("en")), "sarcasm")).toEqual([]);
  });

  test("ignores @handles, hashtags and links", () => {
    const text = "Sorry @lol_refund_fan, see acme.com/refund or https://acme.com/voucher?x=1 #NothingWeCanDo";
    expect(lintReply(text, ctxFor("en", { severity: 3 }))).toEqual([]);
  });

  test("a negation in another clause does not excuse a threat", () => {
    const text = "If you don't stop, we will close your account.";
    expect(of(lintReply(text, ctxFor("en")), "threat").map((w) => w.excerpt)).toEqual(["close your account"]);
  });

  test("a private channel in another sentence does not excuse a public request", () => {
    const text = "Send us your order number. We'll reply by DM.";
    expect(of(lintReply(text, ctxFor("en")), "personal-data").map((w) => w.excerpt)).toEqual(["your order number"]);
  });

  test('"n\'hésitez pas" and "won\'t hesitate" are not negations', () => {
    expect(of(lintReply("We won't hesitate to close your account.", ctxFor("en")), "threat")).toHaveLength(1);
    expect(of(lintReply("Nous n'hésiterons pas à fermer votre compte.", ctxFor("fr")), "threat")).toHaveLength(1);
  });

  test("a 16-digit number that fails the Luhn check is not a card", () => {
    expect(of(lintReply("Order 1234 5678 9012 3456 shipped.", ctxFor("en")), "personal-data")).toEqual([]);
  });
});

describe("rules data", () => {
  const all = [...PHRASE_RULES.flatMap((r) => r.patterns), ...PLACEHOLDER_SOURCES];

  test("pattern ids are unique", () => {
    const ids = all.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("patterns compile and use no capture groups (they slow the merged regex down)", () => {
    for (const p of all) {
      const groups = new RegExp(`${p.source}|`, "u").exec("");
      expect(groups?.length, p.id).toBe(1);
    }
    for (const p of EXPOSURE_PATTERNS) expect(() => new RegExp(p.source, "u")).not.toThrow();
  });

  test("every phrase rule has French and English patterns", () => {
    for (const rule of PHRASE_RULES) {
      const langs = new Set(rule.patterns.map((p) => p.lang));
      expect(langs.has("en"), rule.rule).toBe(true);
      expect(langs.has("fr"), rule.rule).toBe(true);
    }
  });
});

// ── The built-in playbook and the reply engine must pass the linter cleanly ──────────────────────────────

const FORMALITIES = ["vous", "tu"] as const;

/** Every template, filled with every fragment of every category, in both voices, with and without emoji. */
function renderedTemplates(): { name: string; lang: L; texts: string[] }[] {
  const out: { name: string; lang: L; texts: string[] }[] = [];
  // Every strategy's regular and short templates (format 2: severe complaints have their own hand-off strategy).
  for (const { strategy, lang, kind, index, template } of templatesOf(DEFAULT_PLAYBOOK)) {
    const texts: string[] = [];
    for (const category of CATEGORIES) {
      const fragments = DEFAULT_PLAYBOOK.fragments[lang][category];
      for (const formality of FORMALITIES) {
        for (const issue of fragments.issue) {
          for (const fix of fragments.fix) {
            for (const question of fragments.question) {
              for (const emoji of ["", "🙏"]) {
                const vars = {
                  author: "@jane_doe",
                  agent: "Julie",
                  signature: "^JD",
                  brand: "Acme",
                  product: "Box 5G",
                  emoji,
                  issue: chooseVoice(issue, formality),
                  fix: chooseVoice(fix, formality),
                  question: chooseVoice(question, formality),
                };
                texts.push(template.map((s) => fillTemplate(chooseVoice(s.text, formality), vars)).join(" "));
              }
            }
          }
        }
      }
    }
    out.push({ name: `${strategy} ${lang} ${kind} ${index}`, lang, texts });
  }
  return out;
}

describe("DEFAULT_PLAYBOOK passes the linter with no warning", () => {
  test.each(renderedTemplates())("$name", ({ lang, texts }) => {
    for (const text of texts) {
      // Length is suggest()'s job (it drops optional sentences to fit); tone is checked at the strictest severity.
      expect({ text, warnings: lintReply(text, { postLang: lang, severity: 3, maxLength: 1_000 }) }).toEqual({
        text,
        warnings: [],
      });
    }
  });
});

const detection = (lang: Lang, category: Category, severity: Severity): Detection =>
  detectionOf(lang, category, severity, true);

const COMPLAINTS: readonly { id: string; lang: Lang; category: Category; text: string; author: string }[] = [
  {
    id: "2001",
    lang: "fr",
    category: "delivery",
    text: "Toujours pas reçu mon colis, 3 semaines !!",
    author: "marie_l",
  },
  {
    id: "2002",
    lang: "fr",
    category: "billing",
    text: "Prélevé deux fois ce mois-ci, c'est une blague ?",
    author: "jb75",
  },
  { id: "2003", lang: "fr", category: "outage", text: "Plus d'internet depuis hier soir, bravo", author: "Nico_Paris" },
  { id: "2004", lang: "fr", category: "service", text: "2h d'attente au téléphone pour rien", author: "claire" },
  { id: "2005", lang: "fr", category: "account", text: "Compte bloqué sans raison, inadmissible", author: "THOMAS_R" },
  { id: "2006", lang: "en", category: "product", text: "My new phone died after two days", author: "sam_k" },
  { id: "2007", lang: "en", category: "pricing", text: "Why did my plan go up 20% without notice?", author: "lee" },
  { id: "2008", lang: "en", category: "delivery", text: "Parcel marked delivered, never arrived", author: "Ana_G" },
  { id: "2009", lang: "en", category: "other", text: "Worst experience ever, thanks for nothing", author: "kev" },
  { id: "2010", lang: "es", category: "billing", text: "Me cobraron dos veces", author: "lucia" },
];

const SETTINGS: readonly Pick<SuggestInput, "agentName" | "signature" | "brand">[] = [
  {},
  { agentName: "Julie", signature: "JD", brand: "Acme" },
  { agentName: "Jean-Baptiste", signature: "— JB", brand: "@SNCF" },
];

const EMOJI_TU_PLAYBOOK = Playbook.parse({ ...DEFAULT_PLAYBOOK, voice: { formality: "tu", emoji: true } });

const SUGGEST_CASES = COMPLAINTS.flatMap((c) =>
  ([0, 1, 2, 3] as const).map((severity) => ({ name: `${c.id} ${c.lang} ${c.category} sev${severity}`, c, severity })),
);

describe("every suggestion suggest() produces passes the linter with no warning", () => {
  test.each(SUGGEST_CASES)("$name", ({ c, severity }) => {
    for (const settings of SETTINGS) {
      for (const playbook of [DEFAULT_PLAYBOOK, EMOJI_TU_PLAYBOOK]) {
        const input: SuggestInput = {
          post: { id: c.id, author: c.author, site: "x", text: c.text },
          detection: detection(c.lang, c.category, severity),
          playbook,
          ...settings,
        };
        for (const s of suggest(input)) {
          const warnings = lintReply(s.text, {
            postLang: c.lang,
            severity,
            maxLength: s.maxLength,
            measure: weightedLength,
          });
          expect({ text: s.text, warnings }).toEqual({ text: s.text, warnings: [] });
        }
      }
    }
  });
});
