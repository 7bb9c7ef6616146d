// c/clock for the preview: every screenshot is taken at the same instant.
import { fixedNow } from 'preview/state';

export function now() {
  return fixedNow();
}
