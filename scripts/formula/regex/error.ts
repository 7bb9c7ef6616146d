/** A Java pattern this engine cannot express; `index` points into the pattern. */
export class RegexTranslationError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = 'RegexTranslationError';
    this.index = index;
  }
}
