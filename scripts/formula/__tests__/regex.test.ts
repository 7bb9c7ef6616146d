import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  translateJavaRegex,
  javaRegex,
  RegexTranslationError,
  StepBudgetExceeded,
  wholeTextMatcher,
} from '../regex.ts';
import { rng } from './support.ts';

const matches = (pattern: string, text: string): boolean => javaRegex(pattern).test(text);

test('whole-string matching, as Java String.matches', () => {
  assert.equal(matches('[0-9]+', '123'), true);
  assert.equal(matches('[0-9]+', 'a123'), false);
  assert.equal(matches('a|b', 'ab'), false, 'alternation is grouped before anchoring');
  assert.equal(matches('a|b', 'b'), true);
  assert.equal(matches('.*', ''), true);
});

test('Java-only syntax is translated', () => {
  assert.equal(matches('\\Aabc\\z', 'abc'), true);
  assert.equal(matches('\\Qa.b\\E', 'a.b'), true);
  assert.equal(matches('\\Qa.b\\E', 'axb'), false);
  assert.equal(matches('\\p{Alpha}+\\p{Digit}{2}', 'Abc12'), true);
  assert.equal(matches('\\p{Punct}', '!'), true);
  assert.equal(matches('[\\p{Upper}\\d]+', 'A1B2'), true);
  assert.equal(matches('\\P{Digit}+', 'abc'), true);
  assert.equal(matches('\\p{L}+', 'Ünïcödé'), true);
  assert.equal(matches('\\p{IsAlphabetic}+', 'abc'), true);
  assert.equal(matches('a\\hb', 'a b'), true);
  assert.equal(matches('(?i)acme', 'ACME'), true);
  assert.equal(matches('\\x{41}', 'A'), true);
  assert.equal(matches('\\0101', 'A'), true);
  assert.equal(matches('a*+b', 'aab'), true, 'possessive quantifier approximated as greedy');
  assert.equal(matches('(?>ab|a)c', 'abc'), true);
  assert.equal(matches('[]a]+', ']a'), true, 'a leading ] in a class is literal');
  assert.equal(matches('\\-\\#\\@', '-#@'), true, 'identity escapes of punctuation');
  assert.equal(matches('(?<year>\\d{4})-\\k<year>', '2024-2024'), true);
  assert.equal(matches('^\\d+$', '12'), true);
});

test('email and URL patterns from the Salesforce examples', () => {
  const email =
    '([a-zA-Z0-9_\\-\\.]+)@((\\[a-z]{1,3}\\.[a-z]{1,3}\\.[a-z]{1,3}\\.)|(([a-zA-Z0-9\\-]+\\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})';
  assert.equal(matches(email, 'jane.doe@example.com'), true);
  assert.equal(matches(email, 'jane.doe@'), false);
  assert.equal(matches('[A-Z]{2}\\d{7}', 'AB1234567'), true);
});

test('unsupported Java constructs are reported with their index', () => {
  const err = (p: string): RegexTranslationError => {
    try {
      translateJavaRegex(p);
    } catch (e) {
      assert.ok(e instanceof RegexTranslationError);
      return e;
    }
    assert.fail(`expected ${p} to be rejected`);
  };
  assert.match(err('[a-z&&[^aeiou]]').message, /intersection|Nested/);
  assert.equal(err('ab\\G').index, 2);
  assert.match(err('a(?i)b').message, /Inline flags are only supported at the start/);
  assert.match(err('\\p{InGreek}').message, /Unsupported property/);
  assert.match(err('[abc').message, /Unclosed character class/);
  assert.match(err('abc\\').message, /lone backslash/);
  assert.match(err('\\y').message, /Unsupported escape \\y/);
  assert.throws(() => javaRegex('(abc'), SyntaxError, 'JavaScript reports what the translation lets through');
});

test('the bounded matcher agrees with JavaScript on random patterns and texts', () => {
  const atoms = [
    'a',
    'b',
    '\\d',
    '\\w',
    '\\s',
    '\\b',
    '.',
    '[ab]',
    '[^a]',
    '\\p{Alpha}',
    '\\Qa.\\E',
    '(a|b)',
    '(ab|a)',
    '(?:a|)',
    '(?=a)',
    '(?!b)',
    '(?<=a)',
    '(?<!a)',
    '(a)\\1',
    '^',
    '$',
    '*',
    '+',
    '?',
    '{2}',
    '{1,2}',
    '*?',
    '+?',
    '|',
  ];
  const alphabet = ['a', 'b', 'ab', ' ', '1', '\n', 'A'];
  const r = rng(20240501);
  let compared = 0;
  for (let n = 0; n < 3000; n++) {
    let pattern = n % 3 === 0 ? '(?i)' : '';
    for (let k = 0, len = 1 + Math.floor(r() * 6); k < len; k++) pattern += pick(atoms, r);
    let re: RegExp;
    try {
      re = javaRegex(pattern);
      wholeTextMatcher(pattern, { native: false });
    } catch {
      continue; // not a pattern (e.g. a quantifier with nothing to repeat)
    }
    const bounded = wholeTextMatcher(pattern, { native: false });
    for (let t = 0; t < 5; t++) {
      let text = '';
      for (let k = 0, len = Math.floor(r() * 5); k < len; k++) text += pick(alphabet, r);
      assert.equal(bounded.matches(text), re.test(text), `${JSON.stringify(pattern)} on ${JSON.stringify(text)}`);
      compared++;
    }
  }
  assert.ok(compared > 5000, `${compared} comparisons`);
});

test('the bounded matcher takes no state twice: exponential patterns answer in linear work', () => {
  const text = `${'a'.repeat(5000)}!`;
  for (const pattern of ['(a+)+$', '(a|aa)+$', '(a*)*b', '(?:a|a)*c', '(\\w+\\s?)+$']) {
    const start = performance.now();
    assert.equal(wholeTextMatcher(pattern).matches(text), false, pattern);
    assert.ok(performance.now() - start < 1000, `${pattern} in ${performance.now() - start} ms`);
  }
  assert.throws(() => wholeTextMatcher('(a+)+\\1$').matches(`${'a'.repeat(40)}!`), StepBudgetExceeded);
});

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

test('(?m) keeps whole-text matching: ^ and $ match at line ends inside, not to cut the text short', () => {
  assert.equal(matches('(?m)a$', 'a\nb'), false);
  assert.equal(matches('(?m)a$\\nb', 'a\nb'), true);
  assert.equal(wholeTextMatcher('(?m)^b$').matches('a\nb'), false);
  assert.equal(wholeTextMatcher('(?m)a$\\n^b').matches('a\nb'), true);
});

test("JavaScript's RegExp runs a pattern only where its backtracking is bounded, else the bounded matcher", () => {
  // Polynomial patterns: JavaScript's RegExp on short texts, the bounded matcher on long ones.
  for (const pattern of ['.*.*.*x', '\\w+\\w+\\w+\\w+!', '[a-z]*[a-z]*[a-z]*[a-z]*b', '(a|ab)(c|bcd)(d*)*e']) {
    const m = wholeTextMatcher(pattern);
    for (const length of [10, 300, 20_000]) {
      const start = performance.now();
      assert.equal(m.matches('a'.repeat(length)), false, `${pattern} on ${length} a's`);
      assert.ok(performance.now() - start < 1000, `${pattern} on ${length} a's took ${performance.now() - start} ms`);
    }
  }
  // Guarded repetitions (a literal the repeated class excludes follows): linear, so always native.
  const sku = wholeTextMatcher('(SMB|ENT)-(NA|EMEA)-[A-Za-z0-9]+-[A-Za-z0-9]+-(FY[0-9]{2})?Q[1-4]');
  assert.equal(sku.matches('ENT-NA-Acme-Widget-FY24Q1'), true);
  assert.equal(sku.matches('ENT-NA-Acme-Widget-Q5'), false);
  assert.equal(sku.matches(`ENT-NA-${'a'.repeat(50_000)}`), false);
});
