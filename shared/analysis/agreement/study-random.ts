/**
 * A random reliability study from a seed, for checking that a faster computation of the agreement
 * screen gives exactly the figures of the one before it (`study-equivalence.test.ts`). It is built
 * to reach the awkward cases: several tags per category (tokens covered by two tags), coders who
 * did not open an article (missing data), a coder's overlapping spans of one tag (merged for uα),
 * empty spans, exact and partial matches, unset attributes, ordinal, interval and text attributes.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { StudyInput, StudySpanAnnotation } from './study.ts';

const WORDS = "the minister said grain deal will hold through winter it's officials Київ заявив угода Ростов-на-Дону 3.5 😀 report. denied! claimed?".split(' ');

export function randomStudy(seed: number, size: { articles: number; coders: readonly string[]; perCoder: number }): StudyInput {
  const rng = xoroshiro128plus(seed);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const categories: StudyInput['categories'] = [
    { id: 'claim', name: 'Claim', level: 'span', attributes: [
      { id: 'stance', name: 'Stance', type: 'choice', options: ['contra', 'neutral', 'pro'], level: 'ordinal' },
      { id: 'strength', name: 'Strength', type: 'choice', options: ['1', '2', '3', '4'], level: 'interval' },
      { id: 'gist', name: 'Gist', type: 'text' },
    ] },
    { id: 'actor', name: 'Actor', level: 'span', attributes: [{ id: 'quoted', name: 'Quoted', type: 'boolean' }] },
    { id: 'frame', name: 'Frame', level: 'span', attributes: [] },
    { id: 'topic', name: 'Topic', level: 'document', attributes: [] },
  ];
  const tags: StudyInput['tags'] = [
    { id: 'c1', name: 'Claim one', category: 'claim' },
    { id: 'c2', name: 'Claim two', category: 'claim' },
    { id: 'c3', name: 'Claim three', category: 'claim' },
    { id: 'p', name: 'Person', category: 'actor' },
    { id: 'o', name: 'Organisation', category: 'actor' },
    { id: 'f', name: 'Frame', category: 'frame' },
    { id: 't', name: 'Topic', category: 'topic' },
  ];
  const spanTags = tags.filter((t) => t.id !== 't');
  const articles: StudyInput['articles'][number][] = [];
  const annotations: StudySpanAnnotation[] = [];
  for (let i = 0; i < size.articles; i++) {
    const words = Array.from({ length: int(3, 120) }, () => pick(WORDS));
    const text = words.join(int(0, 5) === 0 ? '\n' : ' ');
    const length = [...text].length;
    // Most articles are coded by everyone; some by fewer (missing data), one in a while by one.
    const openedBy = size.coders.filter(() => int(0, 9) > 0);
    articles.push({ id: `a${i}`, title: `Article ${i}`, text, openedBy });
    const truth = Array.from({ length: size.perCoder }, () => {
      const start = int(0, Math.max(0, length - 2));
      return { start, end: Math.min(length, start + int(0, 40)), tag: pick(spanTags).id };
    });
    for (const coder of openedBy) {
      for (const t of truth) {
        const roll = int(0, 99);
        if (roll < 10) continue;
        const start = Math.max(0, Math.min(length, t.start + (roll < 45 ? int(-4, 4) : 0)));
        const end = Math.max(start, Math.min(length, t.end + (roll < 45 ? int(-4, 4) : 0)));
        const attributes: Record<string, string | boolean> = {};
        if (int(0, 5) > 0) attributes.stance = pick(['contra', 'neutral', 'pro']);
        if (int(0, 5) > 0) attributes.strength = String(int(1, 4));
        if (int(0, 1) > 0) attributes.gist = 'x';
        attributes.quoted = int(0, 3) > 0;
        annotations.push({ id: `${coder}-${annotations.length}`, articleId: `a${i}`, coder, tag: roll < 20 ? pick(spanTags).id : t.tag, start, end, attributes });
      }
      for (let extra = int(0, 3); extra > 0; extra--) {
        const start = int(0, length);
        annotations.push({ id: `${coder}-${annotations.length}`, articleId: `a${i}`, coder, tag: pick(tags).id, start, end: Math.min(length, start + int(1, 30)), attributes: {} });
      }
    }
  }
  return { categories, tags, articles, annotations, coders: size.coders };
}
