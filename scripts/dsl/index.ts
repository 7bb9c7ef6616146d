/**
 * The vocabulary model/ is written in: the core's field and object types, and every family's
 * builders (scripts/families/registry.ts re-exports them). Import everything from here; the
 * builders record the model file and line that called them (scripts/core/origin.ts).
 */
export * from '../core/model-types.ts';
export { originOf } from '../core/origin.ts';
export * from '../families/registry.ts';
