/**
 * What `revops impact` reports: for each probe (validation rules today; routing adds its own),
 * the subjects whose effect on the dataset differs between two revisions of the model, with
 * counts and examples a reviewer can look up (external ids).
 */
import type { RevOpsModel } from '../../families/registry.ts';

/** One effect on records, e.g. "newly blocked": how many, and a few external ids. */
export interface ImpactEffect {
  readonly kind: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** A rule (or a routing rule...) whose effect on the dataset changed. */
export interface ImpactSubject {
  /** `ValidationRule Opportunity.Close_Date_Slip_Needs_Reason` */
  readonly subject: string;
  readonly object: string;
  /** What happened to the definition itself. */
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Records it affects at each revision (blocked, routed...). */
  readonly before: number;
  readonly after: number;
  readonly effects: readonly ImpactEffect[];
  /** One line for the reviewer when the numbers need it (a rule deactivated, a definition unchanged). */
  readonly note?: string;
  /** What the subject's numbers mean, when they are not records blocked (`changed; 3 definition(s) read it`). */
  readonly summary?: string;
}

export interface ImpactSection {
  readonly probe: string;
  readonly title: string;
  /** Subjects evaluated at either revision. */
  readonly evaluated: number;
  /** Only those whose definition or effect changed. */
  readonly subjects: readonly ImpactSubject[];
  /** Effect kind → records, over every subject (`newly blocked` → 12). */
  readonly totals: Readonly<Record<string, number>>;
  /** What kept the probe from seeing everything (rules that do not evaluate, records the model refuses). */
  readonly warnings: readonly string[];
  /** The section's heading after its title, when it is not about rules blocking records. */
  readonly heading?: string;
}

/** What a probe is given: the dataset and the model at both revisions (normalised to today's families). */
export interface ImpactProbeInput {
  readonly dataset: string;
  readonly before: RevOpsModel;
  readonly after: RevOpsModel;
  /** How many example external ids to keep per effect. */
  readonly examples: number;
  /** Names the two revisions in warnings (`main`, `working tree`). */
  readonly beforeName: string;
  readonly afterName: string;
}

/**
 * A way the model acts on records, evaluated at both revisions over the same dataset. Validation
 * rules are the first; lead routing adds "leads that would route differently" by adding its
 * probe to IMPACT_PROBES (scripts/change/impact/index.ts).
 */
export interface ImpactProbe {
  readonly name: string;
  readonly title: string;
  run(input: ImpactProbeInput): Promise<ImpactSection>;
}
