/**
 * Speaker coreference within one file: entities built from speaker mentions and named
 * entities in reading order; short mentions (`the ministry`, `Putin`) merge with the full
 * ones, and pronouns (`it`, `she`, `they`) resolve to the nearest compatible earlier entity.
 */
import type { Span, SpeakerKind } from '../types';
import { NameCache } from './identity';

export interface Entity {
  key: string;
  name: string;
  kind: SpeakerKind;
  plural: boolean;
  head: string;
}

interface Mention {
  span: Span;
  entity: Entity;
  /** came from a speech-verb subject or an attribution (stronger than a bare name) */
  speaker: boolean;
  /** the mention is a short definite description (`the ministry`) */
  definite: boolean;
}

/** How many recent mentions a pronoun or short mention looks back over. */
const LOOK_BACK = 400;
// module-level: bundlers turn a `\p{…}` literal into `new RegExp(…)`, which would run per call
const STARTS_UPPER = /^\p{Lu}/u;

export class SpeakerTracker {
  private readonly byKey = new Map<string, Entity>();
  private readonly mentions: Mention[] = [];
  /** shapes, keys and display names of this document's names, each computed once */
  readonly names = new NameCache();

  /**
   * Records a naming mention (not a pronoun) and returns its entity. Idempotent for the same
   * span. `speaker` marks subjects of speech verbs.
   */
  add(span: Span, speaker: boolean): Entity | null {
    const names = this.names;
    const shape = names.shape(span.text);
    if (shape.pronoun) return null;
    const existing = this.findMentionAt(span.start);
    if (existing && existing.span.end === span.end) {
      if (speaker) existing.speaker = true;
      return existing.entity;
    }
    let entity: Entity | undefined;
    const key = names.key(span.text);
    const definite = names.definite(span.text);
    if (definite) {
      // `the ministry` → the latest entity whose head is the same noun
      const head = shape.head;
      entity = this.latest(span.start, (e) => e.head === head && e.key !== key, false)?.entity;
    }
    if (!entity) entity = this.byKey.get(key);
    if (!entity) {
      if (!key) return null;
      entity = { key, name: names.display(span.text), kind: shape.kind, plural: shape.plural, head: shape.head };
      if (entity.kind === 'unknown' && speaker && !shape.plural && STARTS_UPPER.test(entity.name)) entity.kind = 'person';
      this.byKey.set(key, entity);
    } else {
      const name = names.display(span.text);
      const fuller = names.fullness(name) - names.fullness(entity.name) || names.capitals(name) - names.capitals(entity.name);
      if (fuller > 0 && shape.kind !== 'unknown') entity.name = name;
      if (entity.kind === 'unknown' && shape.kind !== 'unknown') entity.kind = shape.kind;
    }
    this.insert({ span, entity, speaker, definite });
    return entity;
  }

  /** The entity with this key, if any (its name is the fullest seen so far). */
  entity(key: string): Entity | undefined {
    return this.byKey.get(key);
  }

  /** Resolves a pronoun at `pos`: the nearest earlier compatible entity and its naming mention. */
  resolvePronoun(pronoun: string, pos: number): { entity: Entity; mention: Span } | null {
    const p = pronoun.toLowerCase();
    const ok = (e: Entity): boolean => {
      if (p === 'he' || p === 'she') return e.kind === 'person' && !e.plural;
      if (p === 'it') return e.kind === 'organisation' && !e.plural;
      if (p === 'they') return e.plural || e.kind === 'organisation';
      return false;
    };
    // prefer earlier speakers; fall back to any named entity
    const m = this.latest(pos, ok, true) ?? this.latest(pos, ok, false);
    if (!m) return null;
    return { entity: m.entity, mention: this.namingMention(m.entity, pos) ?? m.span };
  }

  /**
   * The latest mention of the entity before `pos` that names it (not a pronoun; a short
   * description such as `the ministry` only when nothing fuller was seen).
   */
  namingMention(entity: Entity, pos: number): Span | null {
    let fallback: Span | null = null;
    for (let i = this.indexBefore(pos), n = 0; i >= 0 && n < LOOK_BACK * 4; i--, n++) {
      const m = this.mentions[i];
      if (m.entity !== entity) continue;
      if (!m.definite) return m.span;
      fallback ??= m.span;
    }
    return fallback;
  }

  private latest(pos: number, ok: (e: Entity) => boolean, speakerOnly: boolean): Mention | null {
    for (let i = this.indexBefore(pos), n = 0; i >= 0 && n < LOOK_BACK; i--, n++) {
      const m = this.mentions[i];
      if (speakerOnly && !m.speaker) continue;
      if (ok(m.entity)) return m;
    }
    return null;
  }

  /** index of the last mention starting before pos */
  private indexBefore(pos: number): number {
    let lo = 0, hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].span.start < pos) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  private findMentionAt(start: number): Mention | null {
    const i = this.indexBefore(start + 1);
    return i >= 0 && this.mentions[i].span.start === start ? this.mentions[i] : null;
  }

  private insert(m: Mention): void {
    const i = this.indexBefore(m.span.start) + 1;
    if (i === this.mentions.length) this.mentions.push(m);
    else this.mentions.splice(i, 0, m);
  }
}
