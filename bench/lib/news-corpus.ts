// A synthetic multilingual news corpus for the search benchmark: invented text in English,
// Russian and Ukrainian, words drawn with Zipf-like frequencies, names in every case form.
// Deterministic (seeded): two runs index the same text.

const VOCAB: Record<'en' | 'ru' | 'uk', string> = {
  en: 'the of and to in a that is for on said with was as by at government president minister election ministry council report people country state border talks sanctions economy prices agreement meeting statement officials police court army region city village water energy gas oil bank budget opposition protest parliament vote law decision week year month spokesman announced confirmed denied warned promised rejected reported visited met signed criticised discussed',
  ru: 'в и на не что с по о как из за к от это для его был заявил сказал правительство президент министр выборы министерство совет доклад люди страна государство граница переговоры санкции экономика цены соглашение встреча заявление чиновники полиция суд армия регион город деревня вода энергия газ нефть банк бюджет оппозиция протест парламент голосование закон решение неделя год месяц представитель объявил подтвердил опроверг предупредил пообещал отверг сообщил посетил встретился подписал раскритиковал обсудил',
  uk: 'в і на не що з по про як із за до від це для його був заявив сказав уряд президент міністр вибори міністерство рада доповідь люди країна держава кордон переговори санкції економіка ціни угода зустріч заява посадовці поліція суд армія регіон місто село вода енергія газ нафта банк бюджет опозиція протест парламент голосування закон рішення тиждень рік місяць речник оголосив підтвердив спростував попередив пообіцяв відхилив повідомив відвідав зустрівся підписав розкритикував обговорив',
};

const NAMES: Record<'en' | 'ru' | 'uk', string[][]> = {
  en: [["Lukashenko", "Lukashenko's"], ['Zelensky', "Zelensky's"], ['Putin', "Putin's"], ['Tsikhanouskaya', "Tsikhanouskaya's"]],
  ru: [['Лукашенко', 'Лукашенки', 'Лукашенку', 'Лукашенкой'], ['Зеленский', 'Зеленского', 'Зеленскому', 'Зеленским'], ['Путин', 'Путина', 'Путину', 'Путиным'], ['Тихановская', 'Тихановской', 'Тихановскую']],
  uk: [['Лукашенко', 'Лукашенка', 'Лукашенку', 'Лукашенком'], ['Зеленський', 'Зеленського', 'Зеленському', 'Зеленським'], ['Путін', 'Путіна', 'Путіну', 'Путіним'], ['Тихановська', 'Тихановської', 'Тихановську']],
};

const OUTLETS = ['Daily Ledger', 'Минский вестник', 'Київський кур’єр', 'Northern Post', 'Независимая газета', 'Українська правда'];

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NewsArticle {
  id: string;
  title: string;
  text: string;
  lang: 'en' | 'ru' | 'uk';
  outlet: string;
  date: string;
}

/** Zipf-like pick: index k with weight 1/(k+1). */
function zipf(next: () => number, n: number): number {
  const h = Math.log(n + 1);
  return Math.min(n - 1, Math.floor(Math.exp(next() * h) - 1));
}

export function newsArticle(i: number, chars = 2500): NewsArticle {
  const next = seeded(i * 7919 + 13);
  const lang = (['en', 'ru', 'uk'] as const)[i % 3] as 'en' | 'ru' | 'uk';
  const vocab = VOCAB[lang].split(' ');
  // A long tail of rarer words, different per article family, so the vocabulary grows with the corpus.
  const rare = (k: number) => `${vocab[k % vocab.length]}${['ам', 'ов', 'ing', 'ness', 'ями', 'ові'][k % 6]}${Math.floor(k / 6)}`;
  const word = () => {
    const r = next();
    if (r < 0.04) {
      const forms = NAMES[lang][zipf(next, NAMES[lang].length)] as string[];
      return forms[Math.floor(next() * forms.length)] as string;
    }
    if (r < 0.1) return rare(Math.floor(next() * 20000));
    return vocab[zipf(next, vocab.length)] as string;
  };
  const sentence = () => {
    const n = 8 + Math.floor(next() * 14);
    const ws: string[] = [];
    for (let k = 0; k < n; k++) ws.push(word());
    const s = ws.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < chars) {
    const p = [sentence(), sentence(), sentence()].join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  const month = 1 + (i % 12);
  return { id: `a${i}`, title: sentence().slice(0, 80), text: paragraphs.join('\n\n'), lang, outlet: OUTLETS[i % OUTLETS.length] as string, date: `2024-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` };
}

/** 200 mixed queries: single (inflected) words, phrases, prefixes, field filters, OR and exclusions. */
export function mixedQueries(count = 200): string[] {
  const kinds = [
    'Лукашенку', 'Зеленського', 'Putin', 'Тихановской', 'санкции', 'переговори', 'elections', 'parliament',
    '"заявил президент"', '"the government"', '"уряд країни"',
    'Лукаш*', 'Зеленськ*', 'minist*', 'перегов*',
    'Лукашенко outlet:вестник', 'Путин date:2024-01..2024-06', 'sanctions lang:en', 'Зеленський -Путін', 'Лукашенко OR Тихановская', 'outlet:"Daily Ledger" budget',
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length] as string);
}
