import { highlight } from "@/lib/highlight";

/** Post text with the classifier's reasons marked; rendered as text nodes only. */
export function HighlightedText({ text, reasons }: { text: string; reasons: readonly string[] }) {
  return (
    <>
      {highlight(text, reasons).map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their order.
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
