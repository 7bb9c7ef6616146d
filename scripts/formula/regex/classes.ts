/** Java's named character classes, as JavaScript class contents. */

/** POSIX classes (`\p{Alpha}` …) and Java's `java.lang.Character` classes, ASCII as Java defines them. */
export const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: ' \\t\\n\\x0B\\f\\r\\x1C-\\x1F',
};

/** Unicode categories and binary properties: Java's name → JavaScript's `\p{…}` name. */
export const UNICODE_ALIASES: Readonly<Record<string, string>> = {
  IsAlphabetic: 'Alphabetic',
  IsLetter: 'L',
  IsDigit: 'Nd',
  IsUppercase: 'Uppercase',
  IsLowercase: 'Lowercase',
  IsWhite_Space: 'White_Space',
  IsWhiteSpace: 'White_Space',
  IsPunctuation: 'P',
  IsLatin: 'Script=Latin',
  L: 'L',
  Lu: 'Lu',
  Ll: 'Ll',
  Lt: 'Lt',
  Lm: 'Lm',
  Lo: 'Lo',
  M: 'M',
  N: 'N',
  Nd: 'Nd',
  Nl: 'Nl',
  No: 'No',
  P: 'P',
  Pd: 'Pd',
  Ps: 'Ps',
  Pe: 'Pe',
  Po: 'Po',
  S: 'S',
  Sc: 'Sc',
  Sm: 'Sm',
  Z: 'Z',
  Zs: 'Zs',
  IsL: 'L',
  IsLu: 'Lu',
  IsLl: 'Ll',
  IsN: 'N',
  IsNd: 'Nd',
  IsP: 'P',
  IsS: 'S',
  IsZ: 'Z',
};

/** `\h`: horizontal whitespace. */
export const H_CLASS = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
/** `\v`: vertical whitespace. */
export const V_CLASS = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
