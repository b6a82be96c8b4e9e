/**
 * The metrics' charts, drawn with uPlot (canvas: thousands of days cost nothing). This module is loaded only when
 * the metrics are shown, so opening the log does not pay for it. Colours come from the theme's variables, resolved
 * by the browser (they use light-dark()), so the charts follow light and dark.
 */
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { t, type UiLang } from "@/lib/i18n";
import type { GroupStats, Histogram } from "@/lib/log/metrics";

interface Palette {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
  warn: string;
}

/** The theme's colours as the browser resolved them (a canvas does not understand var() or light-dark()). */
function palette(el: HTMLElement): Palette {
  const probe = document.createElement("span");
  el.appendChild(probe);
  const read = (v: string) => {
    probe.style.color = `var(${v})`;
    return getComputedStyle(probe).color;
  };
  const p = {
    text: read("--text"),
    muted: read("--muted"),
    grid: read("--border"),
    accent: read("--accent"),
    accentSoft: read("--accent-soft"),
    warn: read("--warn"),
  };
  probe.remove();
  return p;
}

function axis(p: Palette, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: p.muted,
    grid: { stroke: p.grid, width: 1 },
    ticks: { stroke: p.grid, width: 1 },
    font: "11px system-ui, sans-serif",
    ...extra,
  };
}

/** One uPlot chart, sized to its box and rebuilt when its data or the colour scheme changes. */
function Plot({
  build,
  data,
  label,
  testId,
}: {
  build: (p: Palette, width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    const draw = () => {
      plot?.destroy();
      plot = new uPlot(build(palette(el), Math.max(240, el.clientWidth)), data, el);
    };
    draw();
    const ro = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, el.clientWidth), height: 200 }));
    ro.observe(el);
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", draw);
    return () => {
      ro.disconnect();
      scheme.removeEventListener("change", draw);
      plot?.destroy();
    };
  }, [build, data]);
  return <div class="plot" ref={box} role="img" aria-label={label} data-testid={testId} />;
}

/** A bucket's lower bound, short enough for twelve labels side by side: "0", "5", … "1h", "1h30", "24h+". */
function bucketLabel(edges: readonly number[], i: number): string {
  const m = edges[i] as number;
  const text = m < 60 ? `${m}` : m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h${m % 60}`;
  return i === edges.length - 1 ? `${text}+` : text;
}

/** Day keys (YYYY-MM-DD) as uPlot's x values: local midnight, in seconds. */
function dayTimes(days: readonly GroupStats[]): number[] {
  return days.map((d) => {
    const [y, m, dd] = d.key.split("-").map(Number) as [number, number, number];
    return new Date(y, m - 1, dd).getTime() / 1000;
  });
}

export function Charts({
  histogram,
  byDay,
  targetMinutes,
  lang,
}: {
  histogram: Histogram;
  byDay: readonly GroupStats[];
  targetMinutes: number;
  lang: UiLang;
}) {
  const xs = histogram.counts.map((_, i) => i);
  const distributionData: uPlot.AlignedData = [xs, histogram.counts];
  const distributionBuild = (p: Palette, width: number): uPlot.Options => ({
    width,
    height: 200,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, xs.length - 0.5] }, y: { range: (_u, _min, max) => [0, max || 1] } },
    axes: [
      axis(p, {
        splits: () => xs,
        values: (_u, splits) => splits.map((i) => bucketLabel(histogram.edges, i)),
        grid: { show: false },
      }),
      axis(p, { size: 48 }),
    ],
    series: [
      {},
      {
        label: t(lang, "chartDistribution"),
        fill: p.accent,
        stroke: p.accent,
        paths: uPlot.paths.bars?.({ size: [0.7, 60] }),
        points: { show: false },
      },
    ],
  });

  const days = dayTimes(byDay);
  const volumeData: uPlot.AlignedData = [days, byDay.map((d) => d.replies)];
  const withinData: uPlot.AlignedData = [
    days,
    byDay.map((d) => (d.withinTarget === null ? null : Math.round(d.withinTarget * 1000) / 10)),
  ];
  const volumeBuild = (p: Palette, width: number): uPlot.Options => ({
    width,
    height: 200,
    legend: { show: false },
    scales: { y: { range: (_u, _min, max) => [0, max || 1] } },
    axes: [axis(p), axis(p, { size: 48 })],
    series: [
      {},
      {
        label: t(lang, "chartVolume"),
        fill: p.accent,
        stroke: p.accent,
        paths: uPlot.paths.bars?.({ size: [0.8, 24] }),
        points: { show: false },
      },
    ],
  });
  const withinBuild = (p: Palette, width: number): uPlot.Options => ({
    width,
    height: 200,
    legend: { show: false },
    scales: { y: { range: [0, 100] } },
    axes: [axis(p), axis(p, { size: 48, values: (_u, splits) => splits.map((v) => `${v}%`) })],
    series: [
      {},
      {
        label: t(lang, "chartWithin"),
        stroke: p.accent,
        fill: p.accentSoft,
        width: 2,
        spanGaps: true,
        points: { show: days.length < 60, size: 5, fill: p.accent },
      },
    ],
  });
  return (
    <div class="charts">
      <figure class="card chart">
        <figcaption>{t(lang, "chartDistribution")}</figcaption>
        <MemoPlot
          build={distributionBuild}
          data={distributionData}
          label={t(lang, "chartDistribution")}
          testId="chart-distribution"
        />
        <p class="muted small">{t(lang, "chartMinutes")}</p>
      </figure>
      <figure class="card chart">
        <figcaption>{t(lang, "chartVolume")}</figcaption>
        <MemoPlot build={volumeBuild} data={volumeData} label={t(lang, "chartVolume")} testId="chart-volume" />
      </figure>
      <figure class="card chart">
        <figcaption>
          {t(lang, "chartWithin")} ({targetMinutes} min)
        </figcaption>
        <MemoPlot build={withinBuild} data={withinData} label={t(lang, "chartWithin")} testId="chart-within" />
      </figure>
    </div>
  );
}

/** Plot keeps its chart while the numbers are the same (a re-render must not redraw every chart). */
function MemoPlot(props: {
  build: (p: Palette, width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  label: string;
  testId: string;
}) {
  const held = useRef(props);
  const same =
    held.current.data.length === props.data.length &&
    held.current.data.every(
      (s, i) => (s as ArrayLike<unknown>).toString() === (props.data[i] as ArrayLike<unknown>).toString(),
    );
  if (!same || held.current.label !== props.label) held.current = props;
  return <Plot {...held.current} />;
}
