import type { Detection } from "./schemas";

/** The detector's verdict turned into a complaint (an agent said so), keeping its reasons and category. */
export function asComplaint(d: Detection): Detection {
  return { ...d, complaint: true, severity: d.severity === 0 ? 1 : d.severity };
}
