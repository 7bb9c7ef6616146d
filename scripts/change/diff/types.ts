/** What `revops diff` reports: the components that changed and, for each, how, with its risks. */
import type { Change } from './components.ts';

export type RiskLevel = 'low' | 'medium' | 'high';

export const RISK_ORDER: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

export type RiskCategory =
  'data-loss' | 'destructive' | 'permission-broadened' | 'locked' | 'automation' | 'validation' | 'access-narrowed';

/** Why a change needs care, in a reviewer's words, and how much. */
export interface Risk {
  readonly level: RiskLevel;
  readonly category: RiskCategory;
  readonly reason: string;
}

/** One thing that changed inside a component, as a reviewer says it. */
export interface Detail {
  /** What kind of change: `formula`, `field-type`, `picklist`, `permission`, `flow-element`... */
  readonly kind: string;
  /** One sentence (Markdown-free). */
  readonly text: string;
  /** The facts behind the sentence, for machines (before/after, tokens, names). */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly risk?: Risk;
}

export interface ComponentReport {
  readonly type: string;
  readonly fullName: string;
  readonly change: Change;
  readonly paths: readonly string[];
  /** The model marks the definition locked: changing it needs a governance RFC. */
  readonly locked: boolean;
  readonly details: readonly Detail[];
  /** Every risk of the component (its details' and its own: deletion, lock), highest first. */
  readonly risks: readonly Risk[];
}

/** What a family handler is given: the component and its XML root before and after (empty when absent). */
export interface ComponentVersions {
  readonly type: string;
  readonly fullName: string;
  readonly change: Change;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
  /** Raw text, for components that are not XML (Apex, LWC sources). */
  readonly beforeText?: string;
  readonly afterText?: string;
}

/** A family handler: pure, from the two versions of a component to what changed in it. */
export type Describe = (c: ComponentVersions) => Detail[];
