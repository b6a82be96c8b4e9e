// @vitest-environment jsdom
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing";
import { PlaybookEditor } from "../../../components/playbook-editor";
import { DEFAULT_PLAYBOOK } from "../../../lib/suggest/playbook";
import { getPlaybook, playbookItem } from "../../../lib/suggest/store";

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
const $ = <T extends Element>(selector: string) => root.querySelector(selector) as T;
const textarea = () => $<HTMLTextAreaElement>('textarea[name="playbook"]');
const status = () => $<HTMLElement>('[data-testid="playbook-status"]').textContent;

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
async function click(label: string) {
  const button = [...root.querySelectorAll("button")].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  await act(() => button.click());
  await flush();
}

async function mount() {
  await act(() => render(h(PlaybookEditor, { lang: "en", agent: "Julie" }), root));
  await flush();
}

test("shows the stored playbook; an invalid one lists its errors and is not saved", async () => {
  await mount();
  expect($('[data-testid="playbook-revision"]').textContent).toBe("Built-in playbook (revision 0)");
  expect(JSON.parse(textarea().value)).toEqual(DEFAULT_PLAYBOOK);

  const broken = structuredClone(DEFAULT_PLAYBOOK);
  const s = broken.strategies["concrete-fix"].fr.variants[2]?.[0];
  if (s) s.text = "Désolés pour {prodcut}.";
  await type(textarea(), JSON.stringify(broken));
  await click("Save playbook");
  expect(status()).toBe("Not saved: fix these problems first (the current playbook stays).");
  expect($('[data-testid="playbook-errors"]').textContent).toContain(
    "strategies.concrete-fix.fr.variants[2][0].text: unknown placeholder {prodcut} (did you mean {product}?)",
  );
  expect(await playbookItem.getValue()).toBeNull();
});

test("a template the linter blocks is not saved either", async () => {
  await mount();
  const p = structuredClone(DEFAULT_PLAYBOOK);
  const s = p.strategies["ask-detail"].en.variants[0]?.[0];
  if (s) s.text = "Hi {author}, you should have read our FAQ.";
  await type(textarea(), JSON.stringify(p));
  await click("Save playbook");
  expect(status()).toBe("Not saved: some templates would produce replies the linter blocks.");
  expect($('[data-testid="playbook-problems"]').textContent).toContain("strategies.ask-detail.en.variants[0]");
  expect(await playbookItem.getValue()).toBeNull();
});

test("the voice fields edit the JSON; Save stores the next revision; Validate says what it checked", async () => {
  await mount();
  await act(() => {
    const select = $<HTMLSelectElement>('select[name="voiceFormality"]');
    select.value = "tu";
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await act(() => $<HTMLInputElement>('input[name="voiceEmoji"]').click());
  await type($<HTMLInputElement>('input[name="voiceSignature"]'), "^ACME");
  expect(JSON.parse(textarea().value).voice).toEqual({ formality: "tu", emoji: true, signature: "^ACME" });

  await click("Validate");
  expect(status()).toBe("Valid: 50 templates, 2400 renders linted, 0 warning(s).");
  await click("Save playbook");
  expect(status()).toBe("Saved as revision 1.");
  const stored = await getPlaybook();
  expect(stored.voice).toEqual({ formality: "tu", emoji: true, signature: "^ACME" });
  expect([stored.revision, stored.updatedBy]).toEqual([1, "Julie"]);
  expect($('[data-testid="playbook-revision"]').textContent).toMatch(/^Revision 1, saved .* by Julie$/);

  // While the JSON does not parse, the voice fields are disabled.
  await type(textarea(), "{ nope");
  expect($<HTMLSelectElement>('select[name="voiceFormality"]').disabled).toBe(true);
});

test("Reset to defaults asks first, then stores the built-in playbook as a new revision", async () => {
  await playbookItem.setValue({
    ...DEFAULT_PLAYBOOK,
    revision: 4,
    voice: { formality: "tu", emoji: true, signature: "" },
  });
  await mount();
  const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
  await click("Reset to defaults");
  expect((await getPlaybook()).voice.formality).toBe("tu");
  await click("Reset to defaults");
  expect(confirm).toHaveBeenCalledTimes(2);
  const stored = await getPlaybook();
  expect(stored.voice).toEqual(DEFAULT_PLAYBOOK.voice);
  expect(stored.revision).toBe(5);
});
