/**
 * What a deploy activates in its second phase: every family's `activations` (components the
 * generator writes inactive because they must wait for others to become active in the org).
 */
import type { Activation, AnyFamily } from '../core/family.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';

export function modelActivations(model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): Activation[] {
  return families.flatMap((family) => family.activations?.(model) ?? []);
}
