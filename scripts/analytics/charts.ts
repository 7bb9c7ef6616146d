/**
 * The report's charts: Apache ECharts options built from metrics.json only, rendered to SVG on
 * the server (no client JavaScript). ECharts numbers its gradient and clip-path ids per process
 * (`zr0-…`, `zr1-…`), so each chart's ids are renamed after the chart: the same metrics give the
 * same bytes in any process, and two charts on one page never share an id.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { CHART_SPECS, type ChartSpec } from './chart-specs.ts';
import type { Metrics } from './metrics-types.ts';

export interface RenderedChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly section: string;
  readonly width: number;
  readonly svg: string;
  /** The chart has nothing to draw from this data; the SVG says what is missing. */
  readonly placeholder: boolean;
}

const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/**
 * Server-side ECharts has no canvas to measure text and guesses from Helvetica-like widths; the
 * page's first font, DejaVu Sans, is wider, so labels overflowed their boxes. These per-character
 * widths (in em) follow DejaVu Sans and err wide, which only costs a few pixels of margin.
 */
const NARROW = new Set([..."iljtfrI.,:;!|'()[] "]);
const WIDE = new Set([...'mwMW%@']);
function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let em = 0;
  for (const c of text) {
    if (NARROW.has(c)) em += 0.34;
    else if (WIDE.has(c)) em += 0.96;
    else if (c >= 'A' && c <= 'Z') em += 0.7;
    else if (c >= '0' && c <= '9') em += 0.64;
    else if (c >= 'a' && c <= 'z') em += 0.6;
    else em += c.charCodeAt(0) > 127 ? 0.85 : 0.65;
  }
  return { width: em * size * (/bold/.test(font ?? '') ? 1.1 : 1) };
}
echarts.setPlatformAPI({ measureText });

/**
 * ECharts names ids and classes from counters that keep counting across charts and renders in a
 * process (`zr3-c0`, `zr0-cls-86`): the chart's own id replaces the prefix and the numbers restart
 * at 0 in order of first use, so the SVG depends on the chart alone.
 */
export function stableIds(id: string, svg: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg
    .replace(/\bzr\d+-([a-z]+)-?\d+/g, (token: string, kind: string) => {
      let name = renamed.get(token);
      if (!name) {
        const n = counts.get(kind) ?? 0;
        counts.set(kind, n + 1);
        name = `${id}-${kind}${n}`;
        renamed.set(token, name);
      }
      return name;
    })
    .replace(/\bzr\d+-/g, `${id}-`);
}

function renderSvg(id: string, option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return stableIds(id, chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** A chart with a title and one sentence where the data has nothing to draw. */
export function placeholderOption(title: string, message: string): EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text: message, fill: '#6b7280', font: `14px ${FONT}`, width: 420, overflow: 'break', align: 'center' },
      },
    ],
  };
}

function renderOne(spec: ChartSpec, metrics: Metrics): RenderedChart {
  const built = spec.build(metrics);
  const placeholder = 'missing' in built;
  const option = placeholder ? placeholderOption(spec.title, built.missing) : built.option;
  const title = { text: spec.title, left: 'center', top: 6, textStyle: { fontSize: 15 } };
  const svg = renderSvg(
    spec.id,
    { ...option, title: { ...title, ...(option.title as object) } },
    spec.width,
    spec.height,
  );
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    section: spec.section,
    width: spec.width,
    svg,
    placeholder,
  };
}

/** Every chart of the page, in page order. */
export function renderCharts(metrics: Metrics): RenderedChart[] {
  return CHART_SPECS.map((spec) => renderOne(spec, metrics));
}
