/**
 * What a diagnostic carries in `data`: everything its quick fix needs, so code actions never
 * analyse again. Each fix also carries the text it expects, so a stale fix is refused.
 */
export type DiagnosticData =
  | {
      fix: 'replace';
      line: number;
      startCharacter: number;
      endCharacter: number;
      /** the text the range must still hold */
      expected: string;
      replacement: string;
    }
  | {
      fix: 'removeChrome';
      code: string;
      startLine: number;
      endLine: number;
      /** hash of the block's lines (see hashLines) */
      hash: string;
    }
  | { fix: 'none' };

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && typeof (v as { fix?: unknown }).fix === 'string';
}
