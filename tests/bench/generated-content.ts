// Large content sources for benchmarks: thousands of French topics built from the real vocabulary, or the real
// topics repeated.
import type { ContentSource, LocaleContent, TopicSource } from '../../build/content/load';
import { searchTerms } from '../../common/content/search-text';

/** A small deterministic generator, so every run measures the same pack. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

export function generatedSource(base: ContentSource, topicCount: number): ContentSource {
  const words = [...new Set(base.locales.fr.topics.flatMap((t) => searchTerms(`${t.title} ${t.body}`)).filter((w) => w.length > 3))];
  const next = random(42);
  const pick = () => words[Math.floor(next() * words.length)] ?? 'santé';
  const sentence = (n: number) => {
    const text = Array.from({ length: n }, pick).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const template = base.locales.fr.topics[0];
  if (!template) throw new Error('the base content has no topic');
  const topics: TopicSource[] = Array.from({ length: topicCount }, (_, i) => ({
    ...template,
    id: `genere-${i}`,
    title: sentence(4),
    summary: sentence(8),
    tags: [pick(), pick()],
    synonyms: [pick()],
    body: Array.from({ length: 12 }, () => sentence(10)).join('\n'),
    file: `generated/${i}.md`,
  }));
  const fr: LocaleContent = { ...base.locales.fr, topics: [...base.locales.fr.topics, ...topics] };
  return { ...base, locales: { ...base.locales, fr } };
}

/** The real French topics copied over and over up to `topicCount`: real sentences, real word frequencies. */
export function repeatedSource(base: ContentSource, topicCount: number): ContentSource {
  const real = base.locales.fr.topics;
  if (real.length === 0) throw new Error('the base content has no topic');
  const copies: TopicSource[] = Array.from({ length: Math.max(0, topicCount - real.length) }, (_, i) => {
    const topic = real[i % real.length] as TopicSource;
    return { ...topic, id: `${topic.id}-copie-${i}`, file: `repeated/${i}.md` };
  });
  const fr: LocaleContent = { ...base.locales.fr, topics: [...real, ...copies] };
  return { ...base, locales: { ...base.locales, fr } };
}
