import type { RuleSeverity } from '../shared/settings';

/**
 * The rule table: every diagnostic Seed Review reports, with its default severity and a
 * one-line rationale. Each rule is configurable as `seedReview.rules.<code>`.
 */
export interface RuleInfo {
  code: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** short name shown in lists, e.g. in SARIF */
  title: string;
  /** one line: why this matters to a reviewer */
  rationale: string;
}

const chrome = (code: string, title: string, rationale: string): RuleInfo => ({
  code: `chrome.${code}`,
  defaultSeverity: 'warning',
  title,
  rationale,
});

export const RULES: readonly RuleInfo[] = [
  { code: 'header.malformed', defaultSeverity: 'warning', title: 'Malformed header', rationale: 'The first line looks like a ` date YYYY-MM-DD Title` header but its date is not a real date, so the seed cannot be dated.' },
  { code: 'file.too-large', defaultSeverity: 'info', title: 'File analysed in part', rationale: 'The file is larger than seedReview.maxFileSize; only its beginning was analysed, so findings past it are missing.' },
  { code: 'text.invisible-character', defaultSeverity: 'info', title: 'Invisible character', rationale: 'No-break, zero-width and other invisible characters inside text break search, matching and tokenisation downstream.' },
  chrome('navigation-list', 'Navigation list', 'Menu and navigation links of the site, not part of the article.'),
  chrome('related-headlines', 'Related-headlines list', 'Lists of other stories\u2019 headlines (latest news, recommended, most read) follow the article on news pages.'),
  chrome('teaser', 'Teaser of another story', 'A section label, another story\u2019s headline and its lede: full sentences that are not this article.'),
  chrome('repeated-title', 'Repeated title', 'The page repeats the title (heading, breadcrumb, social card); one copy is in the header.'),
  chrome('template-leak', 'Template code', 'Server-side template code leaked into the page text.'),
  chrome('section-label', 'Section label', 'A section or category label (WORLD, LATEST NEWS) standing alone, not article text.'),
  chrome('reading-time', 'Reading time', 'A reading-time badge (\u201c1 min read\u201d).'),
  chrome('photo-credit', 'Photo caption or credit', 'A photo caption with an agency credit; it often repeats article facts and would be double-counted.'),
  chrome('byline', 'Byline', 'An author line or a teaser\u2019s byline, not article text.'),
  chrome('footer', 'Site footer', 'Footer links and notices: contact, feedback, copyright, cookies, newsletters, social.'),
  chrome('site-template', 'Site template', 'The line recurs verbatim in many files of the corpus: site template, not article.'),
  chrome('dateline', 'Dateline or standalone date', 'A date or place label alone on a line, page furniture around the article.'),
  chrome('boilerplate', 'Page boilerplate', 'Short link-like lines around the article that are not article text.'),
  { code: 'quote.unattributed', defaultSeverity: 'hint', title: 'Unattributed quote', rationale: 'A quotation with no speaker found: check who said it before using it.' },
  { code: 'quote.unbalanced', defaultSeverity: 'warning', title: 'Unbalanced quote', rationale: 'A quote mark that is never closed: the quotation\u2019s extent is uncertain.' },
];

const byCode = new Map(RULES.map((r) => [r.code, r]));

export function getRule(code: string): RuleInfo | undefined {
  return byCode.get(code);
}

/** The documentation link of a rule (diagnostic `codeDescription.href`, SARIF `helpUri`). */
const helpUris = new Map<string, string>();

export function ruleHelpUri(code: string): string {
  let uri = helpUris.get(code);
  if (!uri) {
    uri = `https://github.com/seed-review/seed-review/blob/main/docs/rules.md#${code.split('.').join('')}`;
    helpUris.set(code, uri);
  }
  return uri;
}

/** The severity in force for a rule: the user's setting, else the rule's default. */
export function effectiveSeverity(code: string, configured: Record<string, RuleSeverity>): RuleSeverity {
  const set = configured[code];
  if (set) return set;
  return byCode.get(code)?.defaultSeverity ?? 'warning';
}
