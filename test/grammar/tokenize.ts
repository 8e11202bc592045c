// Loads syntaxes/seed.tmLanguage.json with vscode-textmate + vscode-oniguruma, the same engine
// VS Code uses, and tokenises text line by line carrying the rule stack across lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT = path.resolve(__dirname, '..', '..');
export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'seed.tmLanguage.json');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const ROOT_SCOPE = 'text.seed';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Scopes from outermost to innermost, without the root `text.seed`. */
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === ROOT_SCOPE
          ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
          : null,
    });
    const grammar = await registry.loadGrammar(ROOT_SCOPE);
    if (!grammar) throw new Error(`could not load ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokenises every line of `text`; result[i] are the tokens of line i (0-based). */
export async function tokenizeText(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack: vsctm.StateStack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of splitLines(text)) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    out.push(toTokens(line, r.tokens));
  }
  return out;
}

export function toTokens(line: string, raw: readonly vsctm.IToken[]): Token[] {
  const tokens: Token[] = [];
  for (const t of raw) {
    const start = t.startIndex;
    const end = Math.min(t.endIndex, line.length);
    if (end <= start) continue;
    tokens.push({ text: line.slice(start, end), start, end, scopes: t.scopes.filter((s) => s !== ROOT_SCOPE) });
  }
  return tokens;
}

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function seedNames(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

/** Tokens of one line whose scopes include `scope` (prefix match on dot-separated segments). */
export function hasScope(token: Token, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

/**
 * The maximal runs of consecutive tokens carrying `scope`, joined back into text:
 * what a user sees coloured as one span.
 */
export function spans(tokens: Token[], scope: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let lastEnd = -1;
  for (const t of tokens) {
    if (hasScope(t, scope) && (cur === null || t.start === lastEnd)) {
      cur = (cur ?? '') + t.text;
    } else {
      if (cur !== null) out.push(cur);
      cur = hasScope(t, scope) ? t.text : null;
    }
    lastEnd = t.end;
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** Debug helper: one token per line, `text` ⟶ scopes. */
export function dump(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}
