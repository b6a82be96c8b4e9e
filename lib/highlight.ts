/**
 * Splits a text into plain and highlighted segments for the words the classifier gave as reasons. The UI renders
 * segments as text nodes and <mark> elements: post text is never parsed as HTML.
 */
export interface Segment {
  text: string;
  mark: boolean;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function highlight(text: string, reasons: readonly string[]): Segment[] {
  const folded = fold(text);
  // Folding can change the length (ligatures, some emoji sequences): only highlight when the mapping is 1:1.
  const aligned = folded.length === text.length;
  const ranges: Array<[number, number]> = [];
  if (aligned) {
    for (const reason of reasons) {
      const needle = fold(reason.trim());
      if (needle.length < 2) continue;
      let from = 0;
      for (;;) {
        const at = folded.indexOf(needle, from);
        if (at < 0) break;
        ranges.push([at, at + needle.length]);
        from = at + needle.length;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    if (a > pos) out.push({ text: text.slice(pos, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    pos = b;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}
