import { describe, expect, test } from "vitest";
import { detect, MODEL_ID } from "../../../lib/detect";
import { type Category, Detection, type Lang, type Severity } from "../../../lib/schemas";

interface Case {
  text: string;
  complaint: boolean;
  severity: Severity;
  category: Category;
  lang: Lang;
}

const c = (text: string, severity: Severity, category: Category, lang: Lang): Case => ({
  text,
  complaint: severity > 0,
  severity,
  category,
  lang,
});
const ok = (text: string, category: Category, lang: Lang): Case => ({
  text,
  complaint: false,
  severity: 0,
  category,
  lang,
});

// Hand-written posts. Severity 0 means "not a complaint".
const CASES: Case[] = [
  // ── French complaints ──────────────────────────────────────────────────────────────────────────────────
  c("Toujours pas reçu mon colis commandé il y a 3 semaines, c'est inadmissible", 1, "delivery", "fr"),
  c("Encore un retard de 40 minutes ce matin, merci pour rien", 1, "other", "fr"),
  c("Ma box ne fonctionne plus depuis hier soir, pas d'internet, rien", 1, "outage", "fr"),
  c("Prélevé deux fois ce mois-ci et aucune réponse du service client.", 1, "billing", "fr"),
  c(
    "Je vais porter plainte et saisir l'UFC-Que Choisir, ça fait 2 mois que j'attends mon remboursement",
    3,
    "billing",
    "fr",
  ),
  c("Je résilie mon abonnement dès demain, trois pannes en une semaine, ça suffit.", 3, "outage", "fr"),
  c("Mon compte est bloqué depuis 5 jours et impossible de me connecter", 1, "account", "fr"),
  c("Encore une hausse de prix sur mon forfait, c'est abusé", 1, "pricing", "fr"),
  c("Ça fait 45 minutes que je suis en attente à la hotline, personne ne répond", 1, "service", "fr"),
  c("L'appli plante à chaque ouverture depuis la mise à jour", 1, "product", "fr"),
  c("Colis marqué livré mais jamais reçu. Le livreur l'a laissé où ?", 1, "delivery", "fr"),
  c("Service client injoignable, 3 appels et toujours aucune solution #yenamarre", 1, "service", "fr"),
  c("Des incompétents, voilà ce que vous êtes. Ma commande est perdue.", 2, "delivery", "fr"),
  c("Ma facture a doublé sans explication, c'est une arnaque", 2, "billing", "fr"),
  c("Vous m'avez volé 50 euros, bande d'escrocs !!!", 2, "billing", "fr"),
  c("Je passe chez la concurrence, votre réseau est une catastrophe", 3, "outage", "fr"),
  c("J'ai été débité alors que la commande a été annulée, je veux mon argent", 1, "billing", "fr"),
  c("Mot de passe refusé et compte piraté, personne pour m'aider", 1, "account", "fr"),
  c("Le wifi ne marche jamais dans ce train, c'est pas normal", 1, "outage", "fr"),
  c("Pourquoi mon colis est bloqué en entrepôt depuis 10 jours ?", 1, "delivery", "fr"),
  c("Vous êtes nuls, je vais le faire savoir à tout le monde", 3, "other", "fr"),
  c("3 semaines sans réponse à mon mail, c'est honteux", 2, "service", "fr"),
  c("Les prix ont encore augmenté, trop cher pour ce que c'est", 1, "pricing", "fr"),
  c("Très déçue par la qualité du produit reçu, il est arrivé cassé", 1, "product", "fr"),
  c("Signalé à la DGCCRF, vos pratiques de facturation sont scandaleuses", 3, "billing", "fr"),
  c("Coupure de courant dans tout le quartier depuis ce matin, aucune info", 1, "outage", "fr"),
  c("Impossible d'accéder à mon espace client, ça tourne dans le vide", 1, "account", "fr"),
  c("J'ai appelé 4 fois, on m'a raccroché au nez, service client lamentable", 1, "service", "fr"),
  c("Ça fait une semaine que ma commande est en préparation, c'est long", 1, "delivery", "fr"),
  c("Plus de 4G depuis ce matin à Lyon", 1, "outage", "fr"),
  c("Je ne recommande pas du tout cette marque", 1, "other", "fr"),
  c("Vous pourriez au moins répondre à vos clients", 1, "service", "fr"),
  c("J'ai reçu un colis vide. Merci de me rembourser.", 1, "delivery", "fr"),
  c("Troisième coupure cette semaine #çamarchepas", 1, "outage", "fr"),
  c("INADMISSIBLE, TROIS SEMAINES SANS COLIS", 1, "delivery", "fr"),
  c("J'ai contacté mon avocat et 60 millions de consommateurs", 3, "other", "fr"),
  c("Dossier déposé sur Signal Conso, vous ne m'avez jamais remboursé", 3, "billing", "fr"),
  // Sarcasm
  c("Merci pour ces 2 heures de retard, vraiment génial", 1, "other", "fr"),
  c("Bravo la SNCF 👏 encore un train supprimé", 1, "other", "fr"),
  c("Génial, encore une coupure de réseau 🙄", 1, "outage", "fr"),
  c("Super le service client, 1 heure d'attente pour rien", 1, "service", "fr"),

  // ── English complaints ─────────────────────────────────────────────────────────────────────────────────
  c("My package was supposed to arrive on Monday and it's still not here. Very disappointed.", 1, "delivery", "en"),
  c("Charged twice for the same order and no refund yet. Fix this.", 1, "billing", "en"),
  c("Internet has been down for 2 days. No internet, no updates, nothing.", 1, "outage", "en"),
  c("On hold for 2 hours and nobody answered. Terrible customer service.", 1, "service", "en"),
  c("I've been locked out of my account since yesterday and the reset link doesn't work", 1, "account", "en"),
  c("Another price increase? Your plans are getting way too expensive.", 1, "pricing", "en"),
  c("The app keeps crashing every time I open it after the update", 1, "product", "en"),
  c("This is a scam. You took my money and never shipped anything.", 2, "delivery", "en"),
  c("You are lying to your customers, the outage lasted all day", 2, "outage", "en"),
  c("I'm switching to another provider, three outages this month is unacceptable", 3, "outage", "en"),
  c("Reporting you to the BBB. My refund was promised 6 weeks ago.", 3, "billing", "en"),
  c("My lawyer will hear about the damaged table you delivered", 3, "product", "en"),
  c("Still waiting for my order from two weeks ago. Where is it?", 1, "delivery", "en"),
  c("Your customer service is useless and your staff are incompetent", 2, "service", "en"),
  c("The website won't load and I can't pay my bill", 1, "billing", "en"),
  c("Not happy at all, the replacement phone is broken too", 1, "product", "en"),
  c("my wifi is not working AGAIN!!!", 1, "outage", "en"),
  c("My account got hacked and support did nothing to help", 1, "account", "en"),
  c("Going to cancel my subscription, the streaming keeps buffering and nobody cares", 3, "pricing", "en"),
  c("Contacting the FCC about these hidden fees on my bill", 3, "billing", "en"),
  c("Why does my bill keep going up every month?", 1, "billing", "en"),
  c("I was promised a callback that never happened", 1, "service", "en"),
  c("Your agent was so rude to me on the phone today", 1, "service", "en"),
  c("I don't understand why my account was closed without notice", 1, "account", "en"),
  c("I keep getting logged out of the app", 1, "product", "en"),
  c("#boycott Acme until they fix their billing", 3, "billing", "en"),
  c("#fail again, the app logged me out for the fifth time", 1, "product", "en"),
  // Sarcasm
  c("Thanks for the 3 hour delay, great job as always 👏", 1, "other", "en"),
  c("Wow, love waiting 45 minutes on hold 🙃", 1, "service", "en"),
  c("Great, the network is down again. Love paying for nothing.", 1, "outage", "en"),

  // ── French non-complaints: negation, questions, praise, neutral ────────────────────────────────────────
  ok("pas de souci avec ma livraison", "delivery", "fr"),
  ok("À quelle heure ouvrez-vous ?", "other", "fr"),
  ok("Merci pour la réponse rapide, top !", "other", "fr"),
  ok("Colis reçu ce matin, tout est parfait, merci !", "delivery", "fr"),
  ok("Je ne suis pas déçu du tout, excellent service", "other", "fr"),
  ok("Bonjour, est-ce que la fibre est disponible dans ma rue ?", "outage", "fr"),
  ok("Problème réglé, merci à l'équipe pour votre aide", "service", "fr"),
  ok("Je n'ai jamais eu de problème avec vous, continuez comme ça", "other", "fr"),
  ok("Super soirée au concert hier soir 🎉", "other", "fr"),
  ok("Quels sont vos horaires d'ouverture le dimanche ?", "other", "fr"),
  ok("Le nouveau forfait à 9,99 € a l'air intéressant", "pricing", "fr"),
  ok("J'adore la nouvelle version de l'appli, bravo aux devs", "product", "fr"),
  ok("Bravo à toute l'équipe 👏 super accueil en boutique", "service", "fr"),
  ok("Le colis est arrivé en avance, trop bien", "delivery", "fr"),
  ok("Franchement rien à redire, livraison impeccable", "delivery", "fr"),
  ok("Est-ce que vous livrez le dimanche ?", "other", "fr"),

  // ── English non-complaints ─────────────────────────────────────────────────────────────────────────────
  ok("no problem", "other", "und"),
  ok("Not disappointed at all, the new update is great", "product", "en"),
  ok("What time does the store open on Sundays?", "service", "en"),
  ok("Thanks for the quick response, issue fixed!", "other", "en"),
  ok("Just got my package, right on time. Love it!", "delivery", "en"),
  ok("Is there a student discount on the annual plan?", "pricing", "en"),
  ok("Great concert last night, what a show", "other", "en"),
  ok("I never had an issue with your delivery drivers, always friendly", "delivery", "en"),
  ok("Happy new year to the whole team!", "other", "en"),
  ok("Can't wait for the new season, it looks amazing", "other", "en"),
  ok("Keep up the good work!", "other", "en"),
  ok("No thanks, I already have a plan", "pricing", "en"),
  ok("Hello, do you ship to Canada?", "delivery", "en"),
  ok("The delivery guy was super nice, thanks!", "delivery", "en"),
  ok("Nice job on the redesign, the app feels much faster", "product", "en"),

  // ── Hostile markup, empty, very long ───────────────────────────────────────────────────────────────────
  c('<script>alert("arnaque")</script>', 2, "other", "und"),
  ok('<img src=x onerror="alert(1)"> great service, thanks', "other", "en"),
  ok("", "other", "und"),
  ok("   \n\t  ", "other", "und"),
  c(
    `Mon colis n'est toujours pas arrivé. ${"Je raconte ma journée, il fait beau et tout va bien. ".repeat(800)}`,
    1,
    "delivery",
    "fr",
  ),
  c(
    `${"Je raconte ma journée, il fait beau et tout va bien. ".repeat(800)}Et mon colis n'est toujours pas arrivé !`,
    1,
    "delivery",
    "fr",
  ),
  ok("The weather is lovely today, going for a walk in the park. ".repeat(600), "other", "en"),
];

describe("detect: hand-written table", () => {
  test("has enough cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES.map((k) => [k.text.slice(0, 70), k] as const))("%s", (_title, k) => {
    const d = detect(k.text);
    expect({
      complaint: d.complaint,
      severity: d.severity,
      category: d.category,
      lang: d.lang,
    }).toEqual({ complaint: k.complaint, severity: k.severity, category: k.category, lang: k.lang });
    // The contract: always a valid Detection, reasons quoted from the text in order of appearance.
    expect(Detection.parse(d)).toEqual(d);
    expect(d.model).toBe(MODEL_ID);
    expect(d.complaint).toBe(d.score >= 0.5);
    expect(d.reasons.length).toBeLessThanOrEqual(10);
    let from = 0;
    for (const reason of d.reasons) {
      const at = k.text.indexOf(reason, from);
      expect(at, `reason "${reason}" quoted in order from the text`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });
});

describe("detect: reasons", () => {
  test("quotes cue words as written, accents and case kept", () => {
    expect(detect("Toujours pas reçu mon colis, DÉÇU !!!").reasons).toEqual(["Toujours pas reçu", "DÉÇU", "!!!"]);
  });

  test("quotes negated expectations and waiting durations", () => {
    expect(detect("my router is not working since 3 days").reasons).toEqual(["not working", "since 3 days"]);
  });

  test("deduplicates and keeps at most ten", () => {
    const repeated = detect("arnaque arnaque ARNAQUE arnaque");
    expect(repeated.reasons).toEqual(["arnaque"]);
    const many = detect(
      "scam, fraud, liars, thieves, useless, incompetent, disgraceful, pathetic, awful, horrible, terrible, " +
        "ridiculous, unacceptable, worst, rude",
    );
    expect(many.reasons).toHaveLength(10);
    expect(many.reasons[0]).toBe("scam");
  });

  test("marks sarcasm by quoting the praise", () => {
    const d = detect("Merci pour ce retard de 2h, bravo 👏");
    expect(d.complaint).toBe(true);
    expect(d.reasons).toContain("Merci pour");
    expect(d.reasons).toContain("retard");
  });

  test("no reasons for praise or neutral posts", () => {
    expect(detect("Merci pour la réponse rapide, top !").reasons).toEqual([]);
    expect(detect("À quelle heure ouvrez-vous ?").reasons).toEqual([]);
  });
});

describe("detect: meta", () => {
  test("trusts the site's lang attribute when it is a language we know", () => {
    expect(detect("ok", { langAttr: "fr" }).lang).toBe("fr");
    expect(detect("Bonjour, colis pas reçu", { langAttr: "en" }).lang).toBe("en");
    expect(detect("Bonjour, colis pas reçu", { langAttr: "qme" }).lang).toBe("fr");
  });

  test("a post addressed to the brand scores higher", () => {
    const text = "@acme why is my order taking so long";
    const without = detect(text);
    const withBrand = detect(text, { brandHandles: ["@Acme"] });
    expect(withBrand.score).toBeGreaterThan(without.score);
    expect(detect("acme why is my order taking so long", { brandKeywords: ["ACME"] }).score).toBeGreaterThan(
      detect("acme why is my order taking so long").score,
    );
  });

  test("metrics do not change the verdict, only the risk", () => {
    const metrics = { replies: 1000, reposts: 5000, likes: 20000, views: 1_000_000 };
    const withReach = detect("colis pas reçu", { metrics });
    const without = detect("colis pas reçu");
    expect({ ...withReach, risk: 0 }).toEqual({ ...without, risk: 0 });
    expect(withReach.risk).toBeGreaterThan(without.risk);
  });

  test("is deterministic and keeps no state between calls", () => {
    const a = detect("Toujours pas reçu mon colis !!!");
    detect("arnaque ! je résilie ! avocat !");
    expect(detect("Toujours pas reçu mon colis !!!")).toEqual(a);
  });

  test("handles decomposed accents (NFD input) like composed ones", () => {
    const nfd = "Toujours pas reçu mon colis, très déçu".normalize("NFD");
    const d = detect(nfd);
    expect(d.complaint).toBe(true);
    expect(d.reasons).toContain("Toujours pas reçu".normalize("NFC"));
  });
});
