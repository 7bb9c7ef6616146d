import {
  assign,
  decision,
  flowTest,
  outcome,
  recordTriggeredFlow,
  ref,
  when,
  type FlowTestCase,
} from '../../scripts/dsl/index.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

/*
 * The host of a Website, built in steps so that each step reads the one before it once or
 * twice at most: a formula that repeats a sub-expression k times at each of n levels grows as
 * k^n, and Salesforce caps a flow formula at 3,900 characters (and a compiled size of 5,000
 * bytes). The host is cut once, at the end.
 */

/** Website trimmed and in lower case: matching the scheme and `www.` in any case. */
const website = 'LOWER(TRIM({!$Record.Website}))';

/** After the scheme, when the Website starts with one (`https://`, `ftp://`...); a `://` later on is left alone. */
const afterScheme = `MID(${website}, IF(REGEX(${website}, "[a-z][a-z0-9+.-]*://.*"), FIND("://", ${website}) + 3, 1), 255)`;

/**
 * `/` + host + `/`...: the port's `:`, the query's `?` and the fragment's `#` become `/`, so the
 * host ends at the first `/` after the leading one; `/www.` after the leading `/` loses its
 * `www.`; a trailing dot before the host's closing `/` goes.
 */
const slashed = `SUBSTITUTE(SUBSTITUTE("/" & SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${afterScheme}, ":", "/"), "?", "/"), "#", "/") & "/", "/www.", "/"), "./", "/")`;

/** What the Website_Domain_Normalised validation rule accepts (model/governance/account-rules.ts), negated there. */
const DOMAIN_PATTERN = '[a-z0-9-]+(\\\\.[a-z0-9-]+)+';

/** Cases' accounts use the reserved `.example` domains (RFC 2606): Website_Domain__c is unique in the org. */
const acme = (website: string | null, expected: string | null, name: string): FlowTestCase =>
  flowTest(name, { insert: { Name: 'Acme', Website: website }, expect: { Website_Domain__c: expected } });

/**
 * Fills Website_Domain__c from Website (`HTTPS://WWW.Acme.example:8443/about?x=1` → `acme.example`)
 * before save, so the unique domain and the matching rule work on what reps actually type
 * (blueprint 000 §1). A Website with no usable domain leaves the domain blank rather than writing
 * a value the validation rule would then block on every save; clearing Website clears the domain.
 * An account without a Website keeps a domain entered by hand (the validation rule checks it).
 */
export const normaliseAccountDomain = recordTriggeredFlow('Account_Normalise_Website_Domain', {
  label: 'Account: Normalise Website Domain',
  description: 'Derives the de-duplication key Website_Domain__c from Website.',
  object: 'Account',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  formulas: {
    NormalisedDomain: { dataType: 'String', expression: `MID(${slashed}, 2, FIND("/", ${slashed}, 2) - 2)` },
    IsDomain: {
      dataType: 'Boolean',
      expression: `AND(REGEX({!NormalisedDomain}, "${DOMAIN_PATTERN}"), NOT(BEGINS({!NormalisedDomain}, "www.")))`,
    },
  },
  steps: [
    decision('Domain_Source', 'Where does the domain come from?', [
      outcome('Domain_In_Website', 'Website holds a domain', {
        all: [when('$Record.Website', 'IsNull', false), when('IsDomain', 'EqualTo', true)],
        then: [assign('Set_Domain', 'Set the domain', { '$Record.Website_Domain__c': ref('NormalisedDomain') })],
      }),
      outcome('No_Domain_In_Website', 'Website holds no domain', {
        all: [when('$Record.Website', 'IsNull', false)],
        then: [
          assign('Clear_Unusable_Domain', 'Clear the domain', {
            '$Record.Website_Domain__c': ref('$GlobalConstant.EmptyString'),
          }),
        ],
      }),
      outcome('Website_Cleared', 'Website cleared', {
        all: [when('$Record.Website', 'IsNull', true), when('$Record.Website', 'IsChanged', true)],
        then: [
          assign('Clear_Domain', 'Clear the domain', {
            '$Record.Website_Domain__c': ref('$GlobalConstant.EmptyString'),
          }),
        ],
      }),
    ]),
  ],
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      acme('acme.example', 'acme.example', 'a bare domain is kept as it is'),
      acme('HTTPS://WWW.ACME.EXAMPLE', 'acme.example', 'upper case, scheme and www are normalised'),
      acme('http://acme.example', 'acme.example', 'an http scheme is stripped'),
      acme('ftp://files.acme.example', 'files.acme.example', 'any scheme is stripped'),
      acme('www.Acme.example', 'acme.example', 'www without a scheme is stripped'),
      acme('https://acme.example:8443', 'acme.example', 'a port is stripped'),
      acme('https://www.acme.example/about/team', 'acme.example', 'a path is stripped'),
      acme('acme.example?utm_source=mail', 'acme.example', 'a query string is stripped'),
      acme('https://acme.example#pricing', 'acme.example', 'a fragment is stripped'),
      acme('https://acme.example./', 'acme.example', 'a trailing dot is stripped'),
      acme('  https://Shop.EU.Acme.example:443/x?y=1#z  ', 'shop.eu.acme.example', 'sub-domains are kept'),
      acme('acme.example/go?to=https://other.example', 'acme.example', 'a scheme later in the address is not a scheme'),
      acme('https://wwwacme.example', 'wwwacme.example', 'www only goes as a whole label'),
      acme(null, null, 'an account without a website gets no domain'),
      acme('localhost', null, 'a website without a domain leaves the domain blank'),
      acme('https://', null, 'a scheme alone leaves the domain blank'),
      flowTest('a domain entered by hand stays when there is no website', {
        insert: { Name: 'Acme', Website: null, Website_Domain__c: 'acme.example' },
        expect: { Website_Domain__c: 'acme.example' },
      }),
      flowTest('changing the website changes the domain', {
        insert: { Name: 'Acme', Website: 'https://acme.example' },
        update: { Website: 'https://www.acme-group.example/' },
        expect: { Website_Domain__c: 'acme-group.example' },
      }),
      flowTest('clearing the website clears the domain', {
        insert: { Name: 'Acme', Website: 'https://acme.example' },
        update: { Website: null },
        expect: { Website_Domain__c: null },
      }),
      flowTest('editing another field keeps the domain', {
        insert: { Name: 'Acme', Website: 'HTTPS://WWW.ACME.EXAMPLE' },
        update: { Name: 'Acme Group' },
        expect: { Website_Domain__c: 'acme.example' },
      }),
      flowTest('a domain typed by hand over a website is replaced by the website domain', {
        insert: { Name: 'Acme', Website: 'https://acme.example' },
        update: { Website_Domain__c: 'other.example' },
        expect: { Website_Domain__c: 'acme.example' },
      }),
    ],
  },
  locked: true,
});
