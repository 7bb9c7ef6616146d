/**
 * One entry per chart: its id, title, caption and the ECharts option it draws from metrics.json.
 * A chart whose figures the data lacks returns `{ missing }` and is drawn as a titled placeholder.
 */
import type { EChartsOption } from 'echarts';
import { COVERAGE_BANDS, RETENTION_BANDS, WIN_RATE_TARGET } from './benchmarks.ts';
import { money, multiple, percent } from './format.ts';
import type { Metrics, WinRateRow } from './metrics-types.ts';

export type ChartBuild = { readonly option: EChartsOption } | { readonly missing: string };

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly section: string;
  readonly width: number;
  readonly height: number;
  build(metrics: Metrics): ChartBuild;
}

export const COLORS = {
  primary: '#2563eb',
  secondary: '#0d9488',
  accent: '#f59e0b',
  bad: '#dc2626',
  good: '#16a34a',
  muted: '#94a3b8',
  bands: ['#fecaca', '#fed7aa', '#fef08a', '#d9f99d', '#bbf7d0', '#86efac'],
};

const grid = { left: 16, right: 32, top: 72, bottom: 16, containLabel: true };
const legend = { top: 34, itemWidth: 14, itemHeight: 10 };
const pctAxis = { type: 'value' as const, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } };
/** A data point's value: the number itself, x of an [x, y] point, the value of an [x, y, value] cell. */
const pointValue = (value: unknown) =>
  Number(Array.isArray(value) ? (value.length === 3 ? value[2] : value[0]) : value);
const pctLabel = { show: true, formatter: (p: { value: unknown }) => percent(pointValue(p.value), 0) };

function funnelChart(m: Metrics): ChartBuild {
  const v = m.funnel.volumes;
  if (!v.mql) return { missing: 'No leads with an MQL date in this data: the funnel needs Lead.MQL_Date__c.' };
  const data = [
    { name: 'MQL', value: v.mql },
    { name: 'SAL', value: v.sal },
    { name: 'SQL', value: v.sql },
    { name: 'SAO', value: v.sao },
    { name: 'Won', value: v.won },
  ];
  return {
    option: {
      color: ['#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa', '#16a34a'],
      series: [
        {
          type: 'funnel',
          top: 48,
          bottom: 12,
          left: '12%',
          width: '76%',
          sort: 'none',
          minSize: '24%',
          gap: 3,
          label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff', fontSize: 13 },
          data,
        },
      ],
    },
  };
}

function benchmarkChart(m: Metrics): ChartBuild {
  const rows = m.funnel.benchmarks.filter((s) => s.value !== null);
  if (!rows.length) return { missing: 'No conversion to compare: the data has no dispositioned MQLs.' };
  const labels = rows.map((s) => s.label);
  const bottleneck = m.funnel.bottleneck;
  const edges = rows.map((s) => [0, s.bottomBelow, s.median[0], s.median[1], s.top[0], s.top[1], s.worldClass, 1]);
  const names = ['bottom 25 %', 'below median', 'median', 'above median', 'top 25 %', 'to world class', 'world class'];
  const bandSeries = names.map((name, i) => ({
    type: 'bar' as const,
    name,
    stack: 'bands',
    barWidth: 22,
    silent: true,
    itemStyle: { color: [...COLORS.bands, '#4ade80'][i] },
    data: edges.map((e) => e[i + 1]! - e[i]!),
  }));
  return {
    option: {
      title: {
        subtext: bottleneck
          ? `Bottleneck: ${bottleneck.label} at ${percent(bottleneck.value)} (${bottleneck.band.replace('-', ' ')})`
          : '',
        subtextStyle: { color: COLORS.bad, fontWeight: 'bold' },
      },
      legend: { ...legend, top: undefined, bottom: 0, data: names, textStyle: { fontSize: 10 } },
      grid: { ...grid, top: 64, bottom: 36 },
      xAxis: { ...pctAxis, max: 1 },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: {
          fontWeight: 'bold',
          color: (label?: string | number) => (label === bottleneck?.label ? COLORS.bad : '#111827'),
        },
      },
      series: [
        ...bandSeries,
        {
          type: 'scatter',
          name: 'actual',
          symbol: 'diamond',
          symbolSize: 16,
          itemStyle: { color: '#111827' },
          label: { ...pctLabel, position: 'right', fontWeight: 'bold' },
          data: rows.map((s, i) => [s.value, i]),
        },
      ],
    },
  };
}

function heatmapChart(m: Metrics): ChartBuild {
  const cells = m.funnel.bySegmentSource.filter((c) => c.conversion.mqlToSao !== null);
  if (!cells.length) return { missing: 'No dispositioned MQLs by segment and source in this data.' };
  const segments = [...new Set(cells.map((c) => c.segment))].sort();
  const sources = [...new Set(cells.map((c) => c.source))].sort();
  const data = cells.map((c) => [sources.indexOf(c.source), segments.indexOf(c.segment), c.conversion.mqlToSao]);
  return {
    option: {
      grid: { left: 16, right: 24, top: 44, bottom: 72, containLabel: true },
      xAxis: { type: 'category', data: sources, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: 'category', data: segments },
      visualMap: {
        min: 0,
        max: 1,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 200,
        text: ['100 %', '0 %'],
        inRange: { color: ['#fef2f2', '#93c5fd', '#1d4ed8'] },
      },
      series: [{ type: 'heatmap', data, label: pctLabel, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
    },
  };
}

function coverageChart(m: Metrics): ChartBuild {
  const rows = Object.values(m.coverage.bySegment).filter((r) => r.coverage !== null);
  if (!rows.length) return { missing: 'No Closed Won bookings in the trailing year to set a target against.' };
  const line = (value: number, name: string, color: string) => ({
    data: [{ yAxis: value, name }],
    symbol: 'none',
    lineStyle: { color, type: 'dashed' as const },
    label: { formatter: `${name} ${value}x`, position: 'insideEndTop' as const, color },
  });
  return {
    option: {
      legend,
      grid,
      xAxis: { type: 'category', data: rows.map((r) => r.segment) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}x' } },
      series: [
        {
          type: 'bar',
          name: 'Coverage (age-discounted)',
          itemStyle: { color: COLORS.primary },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => multiple(Number(p.value)) },
          data: rows.map((r) => r.coverage),
          markLine: line(COVERAGE_BANDS.total.minimum, 'minimum', COLORS.bad),
        },
        {
          type: 'bar',
          name: 'Weighted coverage',
          itemStyle: { color: COLORS.secondary },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => multiple(Number(p.value)) },
          data: rows.map((r) => r.weightedCoverage),
          markLine: line(COVERAGE_BANDS.weighted.minimum, 'weighted min', COLORS.accent),
        },
      ],
    },
  };
}

function stageChart(m: Metrics): ChartBuild {
  if (!m.pipeline.byStage.length) return { missing: 'No open opportunities in this data.' };
  const stages = [...new Map(m.pipeline.byStage.map((s) => [s.stage, s.order])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([s]) => s);
  const motions = ['new', 'expansion', 'renewal'].filter((mo) => m.pipeline.byStage.some((s) => s.motion === mo));
  const cell = (stage: string, motion: string, pick: 'amount' | 'weightedAmount') =>
    m.pipeline.byStage.filter((s) => s.stage === stage && s.motion === motion).reduce((t, s) => t + s[pick], 0);
  return {
    option: {
      legend,
      grid,
      color: [COLORS.primary, COLORS.secondary, COLORS.muted, COLORS.accent],
      xAxis: { type: 'category', data: stages, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      series: [
        ...motions.map((motion) => ({
          type: 'bar' as const,
          name: motion,
          stack: 'amount',
          data: stages.map((s) => cell(s, motion, 'amount')),
        })),
        {
          type: 'line',
          name: 'weighted',
          symbolSize: 8,
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => money(Number(p.value)) },
          data: stages.map((s) => motions.reduce((t, mo) => t + cell(s, mo, 'weightedAmount'), 0)),
        },
      ],
    },
  };
}

function velocityTrendChart(m: Metrics): ChartBuild {
  const trend = m.velocity.trend;
  if (!trend.some((q) => q.perDay !== null))
    return {
      missing:
        'No cycle length in any quarter: velocity needs Opportunity.CreatedDate or converted leads with MQL dates.',
    };
  return {
    option: {
      legend,
      grid,
      xAxis: { type: 'category', data: trend.map((q) => q.quarter) },
      yAxis: [
        { type: 'value', name: 'per day', axisLabel: { formatter: (v: number) => money(v) } },
        { type: 'value', name: 'days', splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: 'Velocity per day',
          itemStyle: { color: COLORS.primary },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => money(Number(p.value)) },
          data: trend.map((q) => q.perDay),
        },
        {
          type: 'line',
          name: 'Cycle (median days)',
          yAxisIndex: 1,
          itemStyle: { color: COLORS.accent },
          data: trend.map((q) => q.cycleDays),
        },
      ],
    },
  };
}

function winRateBars(rows: readonly WinRateRow[], horizontal: boolean): EChartsOption {
  const categories = rows.map((r) => `${r.member} (${r.closed})`);
  const valueAxis = { ...pctAxis, max: 1 };
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal,
    axisLabel: { fontSize: 11 },
  };
  const series = (name: string, color: string, pick: (r: WinRateRow) => number | null) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    label: { ...pctLabel, position: horizontal ? ('right' as const) : ('top' as const), fontSize: 10 },
    data: rows.map(pick),
  });
  return {
    legend,
    grid,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        ...series('by count', COLORS.primary, (r) => r.winRate),
        markLine: {
          symbol: 'none',
          lineStyle: { color: COLORS.bad, type: 'dashed' },
          data: [horizontal ? { xAxis: WIN_RATE_TARGET.min } : { yAxis: WIN_RATE_TARGET.min }],
          label: { show: false },
        },
      },
      series('by value', COLORS.secondary, (r) => r.winRateByValue),
    ],
  };
}

const winRateChart =
  (pick: (m: Metrics) => readonly WinRateRow[], horizontal: boolean) =>
  (m: Metrics): ChartBuild =>
    pick(m).length ? { option: winRateBars(pick(m), horizontal) } : { missing: 'No deal closed in the trailing year.' };

function reasonsChart(m: Metrics): ChartBuild {
  const loss = m.reasons.loss;
  if (!loss.length) return { missing: 'No lost deals in the trailing year.' };
  return {
    option: {
      grid: { ...grid, top: 48, right: 96 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: loss.map((r) => r.reason), inverse: true },
      series: [
        {
          type: 'bar',
          name: 'deals lost',
          itemStyle: { color: COLORS.bad },
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => lossLabel(m, p.dataIndex) },
          data: loss.map((r) => r.count),
        },
      ],
    },
  };
}

const lossLabel = (m: Metrics, i: number) => `${m.reasons.loss[i]!.count} · ${money(m.reasons.loss[i]!.amount)}`;

function retentionChart(m: Metrics): ChartBuild {
  const b = m.retention.trailing12m.beginningArr > 0 ? m.retention.trailing12m : m.retention.contracted12m;
  if (b.beginningArr <= 0) return { missing: 'No active contracts: retention needs Contract records with ARR__c.' };
  const steps = [
    ['Beginning ARR', 0, b.beginningArr, COLORS.primary],
    ['+ Expansion', b.beginningArr, b.expansion, COLORS.good],
    ['− Contraction', b.beginningArr + b.expansion - b.contraction, b.contraction, COLORS.accent],
    ['− Churn', b.beginningArr + b.expansion - b.contraction - b.churn, b.churn, COLORS.bad],
    ['Ending ARR', 0, b.endingArr, COLORS.primary],
  ] as const;
  const basis = b.basis === 'trailing12m' ? 'trailing 12 months' : 'contracted next 12 months';
  return {
    option: {
      title: {
        subtext: `${basis}: NRR ${percent(b.nrr)} (good ≥ ${percent(RETENTION_BANDS.nrr.good, 0)}), GRR ${percent(b.grr)} (good ≥ ${percent(RETENTION_BANDS.grr.good, 0)})`,
      },
      grid: { ...grid, top: 80 },
      xAxis: { type: 'category', data: steps.map((s) => s[0]), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((s) => s[1]) },
        {
          type: 'bar',
          stack: 'w',
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => money(steps[p.dataIndex]![2]),
          },
          data: steps.map((s) => ({ value: s[2], itemStyle: { color: s[3] } })),
        },
      ],
    },
  };
}

function accuracyChart(m: Metrics): ChartBuild {
  const rows = m.forecastAccuracy.rollup;
  if (!rows.length)
    return {
      missing:
        'No forecast history in this data. Forecast accuracy needs OpportunityHistory (an org has it) or forecast submissions.',
    };
  return {
    option: {
      legend,
      grid,
      xAxis: { type: 'category', data: rows.map((r) => `${r.horizonDays} days ahead`) },
      yAxis: pctAxis,
      series: [
        {
          type: 'bar',
          name: 'WAPE (roll-up)',
          itemStyle: { color: COLORS.primary },
          label: pctLabel,
          data: rows.map((r) => r.wape),
        },
        {
          type: 'bar',
          name: 'MAPE (roll-up)',
          itemStyle: { color: COLORS.secondary },
          label: pctLabel,
          data: rows.map((r) => r.mape),
        },
        {
          type: 'line',
          name: 'bias',
          itemStyle: { color: COLORS.accent },
          label: pctLabel,
          data: rows.map((r) => r.bias),
        },
      ],
    },
  };
}

function slipChart(m: Metrics): ChartBuild {
  const rows = Object.values(m.velocity.slip.bySegment);
  if (!rows.length) return { missing: 'No open or recently closed deals.' };
  return {
    option: {
      legend,
      grid,
      xAxis: { type: 'category', data: rows.map((r) => r.segment) },
      yAxis: pctAxis,
      series: [
        {
          type: 'bar',
          name: 'slip rate',
          itemStyle: { color: COLORS.accent },
          label: pctLabel,
          data: rows.map((r) => r.slipRate),
        },
        {
          type: 'bar',
          name: 'open deals past due',
          itemStyle: { color: COLORS.bad },
          label: pctLabel,
          data: rows.map((r) => r.pastDueShare),
        },
      ],
    },
  };
}

function capacityChart(m: Metrics): ChartBuild {
  const rows = Object.values(m.capacity.bySegment);
  if (!rows.length) return { missing: 'No deals to plan capacity from.' };
  const label = {
    show: true,
    position: 'top' as const,
    formatter: (p: { value: unknown }) => Number(p.value).toFixed(1),
  };
  const series = (name: string, color: string, pick: (r: (typeof rows)[number]) => number) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color },
    label,
    data: rows.map(pick),
  });
  return {
    option: {
      legend,
      grid,
      xAxis: { type: 'category', data: rows.map((r) => r.segment) },
      yAxis: { type: 'value', name: 'AEs' },
      series: [
        series('required AEs (002)', COLORS.primary, (r) => r.requiredAes),
        series('required reps (004)', COLORS.secondary, (r) => r.requiredReps),
        series('AEs to carry open pipeline', COLORS.accent, (r) => r.aesForOpenPipeline),
      ],
    },
  };
}

function qualityChart(m: Metrics): ChartBuild {
  const checks = m.dataQuality.checks.filter((c) => c.value !== null);
  if (!checks.length) return { missing: 'No records to check.' };
  return {
    option: {
      grid: { ...grid, top: 48, right: 56 },
      xAxis: { ...pctAxis, max: 1 },
      yAxis: { type: 'category', data: checks.map((c) => c.short), inverse: true, axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          label: { ...pctLabel, position: 'right' },
          data: checks.map((c) => ({
            value: c.value,
            itemStyle: { color: c.ok === null ? COLORS.muted : c.ok ? COLORS.good : COLORS.bad },
          })),
        },
      ],
    },
  };
}

const spec = (
  id: string,
  section: string,
  title: string,
  caption: string,
  build: (m: Metrics) => ChartBuild,
  size: [number, number] = [560, 340],
): ChartSpec => ({ id, section, title, caption, build, width: size[0], height: size[1] });

const WIN_RATE_CAPTION = 'Closed Won ÷ all closed, trailing year; (n) closed deals; dashed: the 25 % target (002).';

export const CHART_SPECS: readonly ChartSpec[] = [
  spec(
    'funnel',
    'funnel',
    'Lead funnel: MQL → SAL → SQL → SAO → Won',
    'Leads by the furthest step they reached.',
    funnelChart,
  ),
  spec(
    'funnel-benchmarks',
    'funnel',
    'Conversion against the 002 benchmark bands',
    'Each step’s rate (◆) on 002’s bands; the bottleneck is marked.',
    benchmarkChart,
  ),
  spec(
    'conversion-heatmap',
    'funnel',
    'MQL → SAO conversion by segment × original source',
    'Share of dispositioned MQLs that became opportunities.',
    heatmapChart,
    [1140, 360],
  ),
  spec(
    'coverage',
    'pipeline',
    'Pipeline coverage by segment',
    'Open pipeline due within 90 days (age-discounted) ÷ the run-rate target.',
    coverageChart,
  ),
  spec(
    'pipeline-by-stage',
    'pipeline',
    'Open pipeline by stage',
    'Amount by motion; the line is amount × stage probability.',
    stageChart,
  ),
  spec(
    'velocity-trend',
    'velocity',
    'Sales velocity by quarter of close',
    '(deals × win rate × average deal size) ÷ median cycle days.',
    velocityTrendChart,
  ),
  spec(
    'slip',
    'velocity',
    'Slip rate and past-due deals by segment',
    'Deals whose close date moved later; open deals past their close date.',
    slipChart,
  ),
  spec(
    'win-rate-segment',
    'win-rate',
    'Win rate by segment',
    WIN_RATE_CAPTION,
    winRateChart((m) => m.winRate.segments, false),
  ),
  spec(
    'win-rate-source',
    'win-rate',
    'Win rate by original source',
    WIN_RATE_CAPTION,
    winRateChart((m) => m.winRate.sources, true),
    [560, 420],
  ),
  spec(
    'win-rate-competitor',
    'win-rate',
    'Win rate by primary competitor',
    WIN_RATE_CAPTION,
    winRateChart((m) => m.winRate.competitors, true),
    [560, 420],
  ),
  spec(
    'loss-reasons',
    'win-rate',
    'Why deals were lost',
    'Lost and no-decision deals of the trailing year: count · amount.',
    reasonsChart,
    [560, 420],
  ),
  spec(
    'retention',
    'retention',
    'Retention: the ARR bridge',
    'Customers’ ARR from the period’s first day to its last.',
    retentionChart,
  ),
  spec(
    'forecast-accuracy',
    'forecast',
    'Forecast accuracy by horizon',
    'Stage-weighted forecast vs Closed Won per month; roll-up of all owners.',
    accuracyChart,
  ),
  spec(
    'capacity',
    'capacity',
    'Capacity: AEs needed',
    'Run-rate target with the blueprints’ example quota, attainment, attrition and ramp.',
    capacityChart,
  ),
  spec(
    'data-quality',
    'quality',
    'Data quality',
    'Hygiene figures; green meets the blueprint threshold, red misses it, grey has none.',
    qualityChart,
  ),
];
