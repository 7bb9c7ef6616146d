import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where in model/ a definition was written (`model/governance/stages.ts:14`), so that errors can
 * send a reviewer to the line. Stored under a symbol: invisible to generators and to equality.
 */
const ORIGIN = Symbol.for('revops.origin');
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Frames inside the toolkit (builders, the families that wrap them) are skipped: the origin is the model's line. */
const TOOLKIT_DIR = fileURLToPath(new URL('../', import.meta.url));

function callSite(): string | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const line of stack) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file.startsWith(TOOLKIT_DIR) || file.includes('/node_modules/')) continue;
    return `${relative(PROJECT_ROOT, file)}:${match[2]}`;
  }
  return undefined;
}

export function originOf(definition: object): string | undefined {
  return (definition as { [ORIGIN]?: string })[ORIGIN];
}

/** Wraps a builder so that what it returns remembers the model line that called it. */
export function locate<F extends (...args: never[]) => object>(builder: F): F {
  return ((...args: Parameters<F>) => {
    const definition = builder(...args);
    if (!Object.isFrozen(definition))
      Object.defineProperty(definition, ORIGIN, { value: callSite(), enumerable: false });
    return definition;
  }) as F;
}

/** Derived definitions point at the definition they were derived from. */
export function copyOrigin<T extends object>(derived: T, from: object): T {
  Object.defineProperty(derived, ORIGIN, { value: originOf(from), enumerable: false });
  return derived;
}
