/**
 * Seed Review settings, typed once and shared by the client, the server and the CLI.
 * They are declared for the editor in package.json `contributes.configuration`
 * (a unit test keeps the two in step).
 */

export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface SeedReviewSettings {
  /** globs, relative to a workspace folder, of the files that form the corpus */
  files: string[];
  /** rule code → severity; codes not listed use the rule table's default */
  rules: Record<string, RuleSeverity>;
  matching: {
    /** minimum score (0..1) for two sentences to be linked */
    minScore: number;
    /** at most this many linked files are listed per sentence; more are summarised */
    maxLinksPerSentence: number;
  };
  /** files larger than this many bytes are analysed only in part */
  maxFileSize: number;
  inlayHints: { speakers: boolean };
  codeLens: { crossLinks: boolean };
}

export const DEFAULT_SETTINGS: SeedReviewSettings = {
  files: ['**/seeds/**/*.txt'],
  rules: {},
  matching: { minScore: 0.885, maxLinksPerSentence: 20 },
  maxFileSize: 2_000_000,
  inlayHints: { speakers: true },
  codeLens: { crossLinks: true },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Rules may come nested, as VS Code returns `seedReview.rules.chrome.teaser` settings
 * (`{ chrome: { teaser: 'off' } }`), or flat, as in a CLI config file
 * (`{ "chrome.teaser": "off" }`). Both flatten to `chrome.teaser`.
 */
export function flattenRules(raw: unknown, prefix = '', out: Record<string, RuleSeverity> = {}): Record<string, RuleSeverity> {
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const code = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const sev = value.toLowerCase() === 'information' ? 'info' : value.toLowerCase();
      if ((RULE_SEVERITIES as readonly string[]).includes(sev)) out[code] = sev as RuleSeverity;
    } else if (isRecord(value)) {
      flattenRules(value, code, out);
    }
  }
  return out;
}

function num(v: unknown, def: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : def;
}

/** Validates raw settings (from `workspace/configuration` or a JSON file) and fills defaults. */
export function resolveSettings(raw: unknown): SeedReviewSettings {
  const r = isRecord(raw) ? raw : {};
  const matching = isRecord(r.matching) ? r.matching : {};
  const inlay = isRecord(r.inlayHints) ? r.inlayHints : {};
  const lens = isRecord(r.codeLens) ? r.codeLens : {};
  const files = Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string' && f.length > 0) : null;
  return {
    files: files && files.length ? files : [...DEFAULT_SETTINGS.files],
    rules: flattenRules(r.rules),
    matching: {
      minScore: num(matching.minScore, DEFAULT_SETTINGS.matching.minScore, 0, 1),
      maxLinksPerSentence: Math.round(num(matching.maxLinksPerSentence, DEFAULT_SETTINGS.matching.maxLinksPerSentence, 1, 1000)),
    },
    maxFileSize: Math.round(num(r.maxFileSize, DEFAULT_SETTINGS.maxFileSize, 1000, 1_000_000_000)),
    inlayHints: { speakers: typeof inlay.speakers === 'boolean' ? inlay.speakers : DEFAULT_SETTINGS.inlayHints.speakers },
    codeLens: { crossLinks: typeof lens.crossLinks === 'boolean' ? lens.crossLinks : DEFAULT_SETTINGS.codeLens.crossLinks },
  };
}
