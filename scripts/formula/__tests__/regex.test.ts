import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translateJavaRegex, javaRegex, RegexTranslationError } from '../regex.ts';

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
