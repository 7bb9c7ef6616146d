/**
 * Domains as routing reads them (RoutingDomains.cls is the Apex twin): the host of an email or a
 * website, normalised as Account.Website_Domain__c is (lower case, no scheme, no `www.`, no
 * port or path), and the keys a lead's domains are matched to accounts by.
 */

/** `Jane@Mail.Acme.com` → `mail.acme.com`; `https://www.acme.com/x` → `acme.com`; '' when there is none. */
let lastValue = '';
let lastHost = '';

export function hostOf(value: string | null | undefined): string {
  if (!value) return '';
  // Scoring, disqualifiers and the domain match ask for the same lead's host in a row.
  if (value === lastValue) return lastHost;
  lastHost = parseHost(value);
  lastValue = value;
  return lastHost;
}

function parseHost(value: string): string {
  let text = value.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  else {
    const scheme = text.indexOf('://');
    if (scheme >= 0) text = text.slice(scheme + 3);
  }
  for (const stop of ['/', '?', '#', ':']) {
    const i = text.indexOf(stop);
    if (i >= 0) text = text.slice(0, i);
  }
  if (text.startsWith('www.')) text = text.slice(4);
  while (text.endsWith('.')) text = text.slice(0, -1);
  return text;
}

/** `a, B ,c` → ['a', 'b', 'c']. */
export const listSetting = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * A domain and the domains above it, most specific first, stopping before a bare top-level
 * domain or a public suffix: `mail.eu.acme.co.uk` → mail.eu.acme.co.uk, eu.acme.co.uk, acme.co.uk.
 */
export function domainAndParents(host: string, publicSuffixes: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  let current = host;
  while (current.includes('.') && !publicSuffixes.has(current)) {
    keys.push(current);
    current = current.slice(current.indexOf('.') + 1);
  }
  return keys;
}

/**
 * The keys a lead is matched to accounts by, in precedence order: the email's domain and its
 * parents (the person's own address is the strongest evidence), then the website's. Free-mail
 * addresses identify no company.
 */
export function leadDomainKeys(
  email: unknown,
  website: unknown,
  freeMail: ReadonlySet<string>,
  publicSuffixes: ReadonlySet<string>,
): string[] {
  const keys: string[] = [];
  const emailHost = typeof email === 'string' && email.includes('@') ? hostOf(email) : '';
  if (emailHost && !freeMail.has(emailHost)) keys.push(...domainAndParents(emailHost, publicSuffixes));
  const webHost = typeof website === 'string' ? hostOf(website) : '';
  if (webHost && !freeMail.has(webHost))
    for (const key of domainAndParents(webHost, publicSuffixes)) if (!keys.includes(key)) keys.push(key);
  return keys;
}
