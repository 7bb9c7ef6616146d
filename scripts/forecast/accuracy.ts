/**
 * Forecast accuracy and the alternative forecast models, offline (blueprint 002 Phase 4, 003):
 * the same arithmetic the snapshot formula fields and the accuracy reports do in the org, for
 * datasets and for tests that pin the two together.
 */
import { CATEGORY_WEIGHTS, STAGE_WIN_RATES } from '../../model/forecasting/forecast-models.ts';

export interface ForecastPoint {
  readonly forecast: number;
  readonly actual: number;
}

/** Absolute percentage error of one forecast; undefined when the actual is 0 (no percentage). */
export const ape = (p: ForecastPoint): number | undefined =>
  p.actual === 0 ? undefined : Math.abs(p.forecast - p.actual) / p.actual;

/** MAPE: the mean of the APEs (per rep, over periods); points with a zero actual are left out. */
export function mape(points: readonly ForecastPoint[]): number | undefined {
  const apes = points.map(ape).filter((a): a is number => a !== undefined);
  return apes.length ? apes.reduce((s, a) => s + a, 0) / apes.length : undefined;
}

/** WAPE: total absolute error over total actual, so big deals weigh more (roll-ups). */
export function wape(points: readonly ForecastPoint[]): number | undefined {
  const actual = points.reduce((s, p) => s + p.actual, 0);
  return actual === 0 ? undefined : points.reduce((s, p) => s + Math.abs(p.forecast - p.actual), 0) / actual;
}

/** Bias: total (forecast − actual) over total actual; positive is over-forecasting. */
export function bias(points: readonly ForecastPoint[]): number | undefined {
  const actual = points.reduce((s, p) => s + p.actual, 0);
  return actual === 0 ? undefined : points.reduce((s, p) => s + (p.forecast - p.actual), 0) / actual;
}

export interface ModelDeal {
  readonly arr: number;
  readonly stageName: string;
  /** Stage probability, in percent. */
  readonly probability: number;
  readonly forecastCategory: string;
}

/** The three models of blueprint 003 over a set of deals (lost deals weigh 0 in each). */
export function forecastModels(deals: readonly ModelDeal[]): {
  stageWeighted: number;
  winRate: number;
  category: number;
} {
  const sum = (f: (d: ModelDeal) => number) => deals.reduce((s, d) => s + f(d), 0);
  return {
    stageWeighted: sum((d) => (d.arr * d.probability) / 100),
    winRate: sum((d) => d.arr * (STAGE_WIN_RATES[d.stageName] ?? 0)),
    category: sum((d) => d.arr * (CATEGORY_WEIGHTS[d.forecastCategory] ?? 0)),
  };
}
