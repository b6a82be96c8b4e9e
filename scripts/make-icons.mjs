// Draws the toolbar icons (a teal rounded square with a white speech bubble and a calm wave) as PNGs with no
// image library: a tiny PNG encoder over zlib, 4x supersampled for smooth edges. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
// Shape in unit coordinates (0..1): 0 outside, 1 = teal, 2 = white.
function shape(u, v) {
  const r = 0.22;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (dx * dx + dy * dy > r * r) return 0;
  // Speech bubble: an ellipse plus a small tail.
  const ex = (u - 0.5) / 0.32;
  const ey = (v - 0.46) / 0.24;
  const inBubble = ex * ex + ey * ey <= 1;
  const inTail = v > 0.6 && v < 0.8 && u > 0.3 && u < 0.44 && u - 0.3 < (0.8 - v) * 0.9;
  if (!inBubble && !inTail) return 1;
  // A calm wave across the bubble, in teal.
  const wave = 0.46 + 0.045 * Math.sin((u - 0.22) * Math.PI * 3.4);
  if (inBubble && Math.abs(v - wave) < 0.035 && u > 0.27 && u < 0.73) return 1;
  return 2;
}
const TEAL = [15, 118, 110];
mkdirSync("public/icon", { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const ss = 4;
  const buf = png(size, (x, y) => {
    let teal = 0;
    let white = 0;
    for (let i = 0; i < ss; i++)
      for (let j = 0; j < ss; j++) {
        const s = shape((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
        if (s === 1) teal++;
        else if (s === 2) white++;
      }
    const n = ss * ss;
    const a = (teal + white) / n;
    if (a === 0) return [0, 0, 0, 0];
    const w = white / (teal + white);
    return [...TEAL.map((c) => Math.round(c * (1 - w) + 255 * w)), Math.round(a * 255)];
  });
  writeFileSync(`public/icon/${size}.png`, buf);
}
console.log("icons written to public/icon/");
