/**
 * Find mentions (issue #11): one actor with five aliases searched in 10,000 articles of about
 * 2,500 characters (30 MB of ru/uk/be/en text, seeded), with inflected forms, possessives and
 * initials sprinkled in. Times shared/actors/find-mentions.ts alone (the app also reads the texts
 * from IndexedDB first); goal < 1 s.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { BenchEntry, BenchPart } from '../report.ts';
import { actorMatcher } from '../../shared/actors/find-mentions.ts';

const ARTICLES = 10_000;
const LANGS = ['ru', 'uk', 'be', 'en'] as const;
const WORDS: Record<(typeof LANGS)[number], string[]> = {
  ru: 'правительство заявило что бюджет будет принят в среду Минск Москва переговоры санкции Песков Зеленский президент встреча министр сообщил Путин граница'.split(' '),
  uk: 'уряд заявив що бюджет буде ухвалено у середу Київ Мінськ переговори санкції президент зустріч міністр повідомив кордон Зеленський'.split(' '),
  be: 'урад заявіў што бюджэт будзе прыняты ў сераду Мінск перамовы санкцыі прэзідэнт сустрэча міністр паведаміў мяжа'.split(' '),
  en: 'the government said budget would pass on Wednesday Minsk Kyiv talks sanctions president meeting minister reported border Zelensky'.split(' '),
};
const NAMES: Record<(typeof LANGS)[number], string[]> = {
  ru: ['Лукашенко', 'Лукашенку', 'Лукашенком', 'А. Г. Лукашенко', 'Александра Лукашенко'],
  uk: ['Лукашенка', 'Лукашенку', 'Олександр Лукашенко'],
  be: ['Лукашэнка', 'Лукашэнкам', 'Лукашэнкі'],
  en: ["Lukashenko's", 'A. Lukashenko', 'Alexander Lukashenko', 'Lukashenka'],
};

function generate(): { text: string; language: string }[] {
  const rng = xoroshiro128plus(7);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const out: { text: string; language: string }[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const language = LANGS[i % LANGS.length]!;
    const words = WORDS[language];
    const parts: string[] = [];
    let length = 0;
    while (length < 2500) {
      const w = int(0, 60) === 0 ? NAMES[language][int(0, NAMES[language].length - 1)]! : words[int(0, words.length - 1)]!;
      parts.push(w);
      length += w.length + 1;
    }
    out.push({ text: parts.join(' ') + '.', language });
  }
  return out;
}

const part: BenchPart = {
  title: `Find mentions: one actor with 5 aliases in ${ARTICLES.toLocaleString('en')} articles`,
  async run(): Promise<BenchEntry[]> {
    const articles = generate();
    const mb = articles.reduce((n, a) => n + a.text.length, 0) / 1e6;
    const actor = { name: 'Alexander Lukashenko', aliases: ['Lukashenka', 'Александр Лукашенко', 'Олександр Лукашенко', 'Аляксандр Лукашэнка', 'Лукашенко'], kind: 'person' };
    const times: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    // The machine is often shared: the load and the process's CPU time say how much of the wall time is waiting.
    process.stdout.write(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores\n`);
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      // A fresh matcher each run: its stem cache must not carry over between runs.
      const matcher = actorMatcher(actor);
      found = 0;
      for (const a of articles) found += matcher.find(a.text, a.language).length;
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    process.stdout.write(`  ${found.toLocaleString('en')} mentions in ${mb.toFixed(1)} MB of text\n`);
    return [
      { name: 'find mentions: 1 actor × 5 aliases × 10,000 articles (median of 3)', value: times[1]!, unit: 'ms', goal: '< 1000' },
      { name: 'find mentions: the same, CPU time of the process (median of 3)', value: cpu[1]!, unit: 'ms', goal: '' },
    ];
  },
};

export default part;
