/** @jsxImportSource react */
/** Simple line icons drawn for the demo (not X's artwork), sized and coloured by CSS like X's. */

const paths = {
  reply: "M4.5 5.5h15a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H10l-4.5 3.5v-3.5h-1a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z",
  repost: "M4 8.5l3-3 3 3M7 5.5v10a2 2 0 0 0 2 2h5M20 15.5l-3 3-3-3M17 18.5v-10a2 2 0 0 0-2-2h-5",
  like: "M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.4a4.3 4.3 0 0 1 7.5 2.4C19.5 15.4 12 20 12 20z",
  views: "M5 19.5v-6M10 19.5V6M15 19.5v-9M20 19.5V9",
  bookmark: "M6.5 4h11v16l-5.5-4-5.5 4z",
  share: "M12 3.5v11M7.5 8 12 3.5 16.5 8M5 13.5v6h14v-6",
  more: "M6 12h.01M12 12h.01M18 12h.01",
  close: "M6 6l12 12M18 6 6 18",
  back: "M20 12H5M11 5l-7 7 7 7",
  home: "M3.5 10.5 12 4l8.5 6.5V20h-6v-6h-5v6h-6z",
  search: "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5 20 20",
  bell: "M6 17V11a6 6 0 0 1 12 0v6l1.5 1.5h-15zM10 20.5h4",
  mail: "M3.5 6h17v12h-17zM3.5 6.5 12 13l8.5-6.5",
  person: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5c.8-3.8 3.8-6 7.5-6s6.7 2.2 7.5 6",
  globe:
    "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.6 3.5 5.6 3.5 9s-1 6.4-3.5 9c-2.5-2.6-3.5-5.6-3.5-9s1-6.4 3.5-9z",
  image: "M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01",
  smile: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 14.5c1 1.3 2.1 2 3.5 2s2.5-.7 3.5-2M9 10h.01M15 10h.01",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={`icon icon-${name}${filled ? " filled" : ""}`}>
      <path d={paths[name]} />
    </svg>
  );
}

/** The demo's own mark for the top of the side bar: a rounded "A", deliberately not X's logo. */
export function DemoMark() {
  return (
    <svg viewBox="0 0 32 32" aria-label="Apaise demo" role="img" className="demo-mark">
      <rect x="1" y="1" width="30" height="30" rx="9" />
      <path d="M9.5 23 16 8.5 22.5 23M12 17.5h8" />
    </svg>
  );
}
