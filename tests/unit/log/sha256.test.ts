import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { sha256Hex } from "@/lib/log/chain";
import { sha256HexSync } from "@/lib/log/sha256";

const node = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

test.each([
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  [
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  ],
])("known vector %j", (text, hex) => {
  expect(sha256HexSync(text)).toBe(hex);
});

test("every length around the block boundaries, and multi-byte text, as Node and crypto.subtle hash them", async () => {
  const samples: string[] = [];
  for (let n = 0; n < 200; n++) samples.push("x".repeat(n));
  samples.push("é".repeat(33), "🙏".repeat(17), "Ça marche pas 🙃\n\t\\\u0000", "€".repeat(5_000));
  for (const s of samples) expect(sha256HexSync(s)).toBe(node(s));
  for (const s of samples.slice(50, 70)) expect(sha256HexSync(s)).toBe(await sha256Hex(s));
});
