import { readFileSync } from 'node:fs';
import { RULES } from '../service/rules';
import { RULE_SEVERITIES, resolveSettings, type RuleSeverity, type SeedReviewSettings } from '../shared/settings';
import { UsageError } from './pathWorkspace';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RULE_CODES = RULES.map((r) => r.code);
const SECTION = 'seedReview';
const KNOWN_KEYS = new Set(['files', 'rules', 'matching', 'maxFileSize', 'inlayHints', 'codeLens']);

/** Removes // and /* comments and trailing commas (VS Code settings files are JSONC), leaving strings alone. */
export function stripJsonComments(src: string): string {
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  // trailing commas before } or ] (strings are already copied verbatim, and cannot hold a bare newline)
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Merges `src` into `dst` key by key (records deeply). */
function merge(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    if (isRecord(v) && isRecord(dst[k])) merge(dst[k] as Record<string, unknown>, v);
    else dst[k] = v;
  }
}

/** `rules.chrome.teaser` → ['rules', 'chrome.teaser'] (rule codes keep their dots); `matching.minScore` → ['matching', 'minScore']. */
function keyPath(dotted: string): string[] {
  const [head, ...rest] = dotted.split('.');
  if (head === 'rules' && rest.length) return ['rules', rest.join('.')];
  return [head, ...rest];
}

/**
 * Normalises a configuration object into the raw `seedReview` section that `resolveSettings`
 * takes. Accepts VS Code settings with flat keys (`{"seedReview.rules.chrome.teaser": "off"}`,
 * other keys such as `editor.*` ignored), the section nested (`{"seedReview": {"rules": …}}`),
 * or the section itself (`{"rules": …}`, `{"rules.chrome.teaser": "off"}`).
 */
export function normalizeConfig(raw: unknown, warn: (m: string) => void = () => {}): Record<string, unknown> {
  if (!isRecord(raw)) throw new UsageError('configuration must be a JSON object');
  const section: Record<string, unknown> = {};
  const put = (rel: string, value: unknown) => {
    const keys = keyPath(rel);
    let o = section;
    for (let i = 0; i < keys.length - 1; i++) {
      if (!isRecord(o[keys[i]])) o[keys[i]] = {};
      o = o[keys[i]] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (isRecord(value) && isRecord(o[last])) merge(o[last] as Record<string, unknown>, value);
    else o[last] = isRecord(value) ? structuredClone(value) : value;
  };
  const hasSection = Object.keys(raw).some((k) => k === SECTION || k.startsWith(SECTION + '.'));
  for (const [key, value] of Object.entries(raw)) {
    if (!hasSection) put(key, value);
    else if (key === SECTION && isRecord(value)) for (const [k, v] of Object.entries(value)) put(k, v);
    else if (key.startsWith(SECTION + '.')) put(key.slice(SECTION.length + 1), value);
    // other keys of a VS Code settings file (editor.*, other extensions) are not ours
  }
  for (const k of Object.keys(section)) if (!KNOWN_KEYS.has(k)) warn(`unknown setting "${SECTION}.${k}", ignored`);
  checkRules(section.rules, warn);
  return section;
}

function checkRules(rules: unknown, warn: (m: string) => void): void {
  if (rules === undefined) return;
  if (!isRecord(rules)) {
    warn(`"${SECTION}.rules" should be an object of rule code → severity; ignored`);
    return;
  }
  // flatten nested rule objects the way resolveSettings does, to name what will not apply
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const code = prefix ? `${prefix}.${k}` : k;
      if (isRecord(v)) walk(v, code);
      else if (!RULE_CODES.includes(code)) warn(`unknown rule "${code}" in configuration, ignored${suggest(code)}`);
      else if (typeof v !== 'string' || !(RULE_SEVERITIES as readonly string[]).includes(v.toLowerCase() === 'information' ? 'info' : v.toLowerCase())) {
        warn(`rule "${code}": severity must be one of ${RULE_SEVERITIES.join(', ')}; ignored`);
      }
    }
  };
  walk(rules, '');
}

export function loadConfigFile(file: string, warn: (m: string) => void): Record<string, unknown> {
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read configuration (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stripJsonComments(src.replace(/^\uFEFF/, '')));
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return normalizeConfig(raw, (m) => warn(`${file}: ${m}`));
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Rule codes close to `code`: containing it, contained in it, or a few edits away (best first). */
export function closeRuleCodes(code: string): string[] {
  const c = code.toLowerCase();
  const scored = RULE_CODES.map((r) => {
    const tail = r.slice(r.indexOf('.') + 1);
    const d = Math.min(editDistance(c, r), editDistance(c, tail));
    const contains = r.includes(c) || c.includes(tail);
    return { r, d: contains ? Math.min(d, 1) : d };
  });
  return scored
    .filter((s) => s.d <= Math.max(2, Math.floor(c.length / 4)))
    .sort((a, b) => a.d - b.d || a.r.localeCompare(b.r))
    .slice(0, 4)
    .map((s) => s.r);
}

function suggest(code: string): string {
  const close = closeRuleCodes(code);
  return close.length ? ` (did you mean ${close.join(', ')}?)` : '';
}

/** Parses `--rule code=severity` values; an unknown code or severity is a usage error. */
export function parseRuleOverrides(values: readonly string[]): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule ${v}: expected CODE=SEVERITY, e.g. --rule chrome.teaser=off`);
    const code = v.slice(0, eq).trim();
    let sev = v.slice(eq + 1).trim().toLowerCase();
    if (sev === 'information') sev = 'info';
    if (!RULE_CODES.includes(code)) {
      const close = closeRuleCodes(code);
      throw new UsageError(
        `--rule ${v}: unknown rule "${code}"` + (close.length ? `; did you mean ${close.join(', ')}?` : `; rules: ${RULE_CODES.join(', ')}`),
      );
    }
    if (!(RULE_SEVERITIES as readonly string[]).includes(sev)) {
      throw new UsageError(`--rule ${v}: severity must be one of ${RULE_SEVERITIES.join(', ')}`);
    }
    out[code] = sev as RuleSeverity;
  }
  return out;
}

/** The settings of one run: the config file's (if any), then `--rule` overrides on top. */
export function buildSettings(configFile: string | undefined, ruleArgs: readonly string[], warn: (m: string) => void): SeedReviewSettings {
  const section = configFile ? loadConfigFile(configFile, warn) : {};
  const settings = resolveSettings(section);
  Object.assign(settings.rules, parseRuleOverrides(ruleArgs));
  return settings;
}
