import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, ruleHelpUri } from '../service/rules';
import type { RuleSeverity } from '../shared/settings';
import type { CliDiagnostic } from './fileTasks';
import { VERSION } from './version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

function level(sev: Exclude<RuleSeverity, 'off'> | CliDiagnostic['severity']): Sarif.ReportingConfiguration.level {
  return sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'note';
}

const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));

/**
 * SARIF 2.1.0, streamed: `head()`, then `result()` per diagnostic (comma-joined by the caller),
 * then `tail()`. Regions are 1-based; columns count UTF-16 code units (`columnKind`), and
 * `endColumn` is the column just past the last character. Artifact URIs are relative to the
 * current folder (`%SRCROOT%`), or absolute file: URIs for files outside it.
 */
export class SarifWriter {
  constructor(private readonly cwd: string) {}

  head(): string {
    const driver: Sarif.ToolComponent = {
      name: 'seed-review',
      version: VERSION,
      semanticVersion: VERSION,
      informationUri: 'https://github.com/seed-review/seed-review',
      rules: RULES.map(
        (r): Sarif.ReportingDescriptor => ({
          id: r.code,
          name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : '')).replace(/^./, (ch) => ch.toUpperCase()),
          shortDescription: { text: r.title },
          fullDescription: { text: r.rationale },
          help: { text: r.rationale },
          helpUri: ruleHelpUri(r.code),
          defaultConfiguration: { level: level(r.defaultSeverity) },
          properties: { tags: [r.code.split('.')[0]] },
        }),
      ),
    };
    const run = {
      tool: { driver },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(this.cwd.endsWith(path.sep) ? this.cwd : this.cwd + path.sep).toString() } },
      columnKind: 'utf16CodeUnits',
    };
    const json = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] });
    // open the run so results can be streamed into it
    return json.slice(0, -3) + ',"results":[';
  }

  artifactLocation(absPath: string): Sarif.ArtifactLocation {
    const rel = path.relative(this.cwd, absPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(absPath).toString() };
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }

  result(d: CliDiagnostic, location: Sarif.ArtifactLocation): Sarif.Result {
    const r: Sarif.Result = {
      ruleId: d.code,
      level: level(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    };
    const idx = ruleIndex.get(d.code);
    if (idx !== undefined) r.ruleIndex = idx;
    return r;
  }

  /** Closes results and adds the invocation, with skipped files as notifications. */
  tail(ok: boolean, notifications: { message: string; level: 'warning' | 'error'; uri?: Sarif.ArtifactLocation }[]): string {
    const invocation: Sarif.Invocation = {
      executionSuccessful: ok,
      toolExecutionNotifications: notifications.map((n) => ({
        level: n.level,
        message: { text: n.message },
        ...(n.uri ? { locations: [{ physicalLocation: { artifactLocation: n.uri } }] } : {}),
      })),
    };
    return `],"invocations":${JSON.stringify([invocation])}}]}\n`;
  }
}
