import type { Header, Line } from '../types';

/** What the first line says about a header: none, a valid one, or a header-like line that is malformed. */
export type HeaderParse =
  | { kind: 'none' }
  | { kind: 'valid'; header: Header }
  | { kind: 'malformed'; header: Header; reason: string };

// A header is ` date YYYY-MM-DD Title`. Bounded quantifiers only: the line may be a megabyte long.
const HEADER_RE = /^( {0,3})(date)([ \t\u00a0]+)(\S{1,40})/;

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

/**
 * Parses the ` date YYYY-MM-DD Title` header of line 0. A line is header-like when it starts
 * with ` date ` (the scraper's leading space) or with `date ` followed by something with a digit.
 */
export function parseHeader(line: Line | undefined): HeaderParse {
  if (!line || line.index !== 0) return { kind: 'none' };
  const m = HEADER_RE.exec(line.text);
  if (!m) return { kind: 'none' };
  const [, lead, keyword, gap, dateText] = m;
  const headerLike = lead.length > 0 || /\d/.test(dateText);
  if (!headerLike) return { kind: 'none' };
  const kwStart = line.start + lead.length;
  const dateStart = kwStart + keyword.length + gap.length;
  const dateEnd = dateStart + dateText.length;
  const rest = line.text.slice(dateEnd - line.start);
  const titleOffset = rest.length - rest.trimStart().length;
  const title = rest.trim();
  const titleStart = dateEnd + titleOffset;
  const header: Header = {
    line: 0,
    date: dateText,
    dateValid: isValidIsoDate(dateText),
    title,
    keywordSpan: { start: kwStart, end: kwStart + keyword.length, text: keyword },
    dateSpan: { start: dateStart, end: dateEnd, text: dateText },
    titleSpan: { start: titleStart, end: titleStart + title.length, text: title },
  };
  if (!header.dateValid) {
    const reason = /^\d{4}-\d{2}-\d{2}$/.test(dateText)
      ? `${dateText} is not a calendar date`
      : `"${dateText}" is not an ISO date (YYYY-MM-DD)`;
    return { kind: 'malformed', header, reason };
  }
  return { kind: 'valid', header };
}
