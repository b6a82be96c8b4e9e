import { describe, expect, test } from "vitest";
import { detectLang, langFromAttr } from "../../../lib/detect/lang";
import type { Lang } from "../../../lib/schemas";

const BY_TEXT: ReadonlyArray<readonly [string, Lang]> = [
  ["Bonjour, mon colis n'est toujours pas arrivé", "fr"],
  ["Je voudrais savoir pourquoi ma facture a augmenté", "fr"],
  ["Merci !", "fr"],
  ["Bravo à toute l'équipe, super accueil en boutique", "fr"],
  ["Hello, my package has not arrived yet", "en"],
  ["Why is the app so slow today?", "en"],
  ["Great concert last night, what a show", "en"],
  ["Wow, love waiting 45 minutes on hold", "en"],
  ["Hola, mi pedido no ha llegado todavía", "es"],
  ["¿Por qué no funciona la aplicación?", "es"],
  ["Hallo, meine Bestellung ist noch nicht angekommen", "de"],
  ["Warum funktioniert die App nicht mehr?", "de"],
  ["Ciao, il mio ordine non è ancora arrivato", "it"],
  ["Perché l'app non funziona più?", "it"],
  ["Olá, o meu pedido ainda não chegou", "pt"],
  ["Por que o aplicativo não funciona?", "pt"],
  // Unsure: nothing to vote on, a language we do not handle, only entities.
  ["", "und"],
  ["ok", "und"],
  ["👍👍👍", "und"],
  ["https://t.co/abc123 @SNCF #TGV", "und"],
  ["Mijn pakket is nog steeds niet aangekomen", "und"],
  ["no problem", "und"],
];

describe("detectLang by stopwords", () => {
  test.each(BY_TEXT)("%s → %s", (text, lang) => {
    expect(detectLang(text)).toBe(lang);
    expect(detectLang(text, null)).toBe(lang);
  });
});

const BY_ATTR: ReadonlyArray<readonly [string, string | null, Lang]> = [
  // X's attribute wins when it is one of ours, even against the words.
  ["whatever the words say", "fr", "fr"],
  ["Bonjour à tous, merci", "en", "en"],
  ["hello", "es", "es"],
  ["hello", "de", "de"],
  ["hello", "it", "it"],
  ["hello", "pt", "pt"],
  ["hello there", "FR", "fr"],
  ["hello there", "pt-BR", "pt"],
  // Not ours (X uses "qme" for emoji-only, "zxx" for none, "und" when unsure): fall back to the words.
  ["Bonjour, mon colis n'est pas arrivé", "qme", "fr"],
  ["Bonjour, mon colis n'est pas arrivé", "und", "fr"],
  ["The app is down again", "nl", "en"],
  ["👍", "zxx", "und"],
  ["Bonjour, mon colis n'est pas arrivé", "", "fr"],
];

describe("detectLang with the site's lang attribute", () => {
  test.each(BY_ATTR)("%s [lang=%s] → %s", (text, attr, lang) => {
    expect(detectLang(text, attr)).toBe(lang);
  });

  test("langFromAttr accepts only our six languages", () => {
    expect(langFromAttr("fr")).toBe("fr");
    expect(langFromAttr(" En ")).toBe("en");
    expect(langFromAttr("en-GB")).toBe("en");
    expect(langFromAttr("ja")).toBeNull();
    expect(langFromAttr(null)).toBeNull();
    expect(langFromAttr(undefined)).toBeNull();
  });
});
