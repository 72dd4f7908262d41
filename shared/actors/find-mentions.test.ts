import { describe, expect, it } from 'vitest';
import { stemBelarusian } from '../search/stem-be.ts';
import { actorMatcher, findMentions, foldWord, type ActorNames } from './find-mentions.ts';

/** The quotes found, checked against the offsets (UTF-16, as the store keeps them). */
function quotes(text: string, actor: ActorNames, language?: string | null): string[] {
  return findMentions(text, actor, language).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.quote);
    return m.quote;
  });
}

const lukashenko: ActorNames = { name: 'Alexander Lukashenko', aliases: ['Александр Лукашенко', 'Олександр Лукашенко', 'Аляксандр Лукашэнка'], kind: 'person' };
const zelensky: ActorNames = { name: 'Volodymyr Zelensky', aliases: ['Владимир Зеленский', 'Володимир Зеленський', 'Уладзімір Зяленскі'], kind: 'person' };
const tsikhanouskaya: ActorNames = { name: 'Sviatlana Tsikhanouskaya', aliases: ['Светлана Тихановская', 'Святлана Ціханоўская'], kind: 'person' };
const eu: ActorNames = { name: 'European Union', aliases: ['EU', 'Евросоюз', 'ЄС'], kind: 'institution' };

describe('Russian', () => {
  it('finds the declined surname and the full name in any case', () => {
    const text = 'Лукашенко заявил, что встреча с Лукашенком отменена. Письмо Лукашенку передали Александру Лукашенко лично.';
    expect(quotes(text, lukashenko, 'ru')).toEqual(['Лукашенко', 'Лукашенком', 'Лукашенку', 'Александру Лукашенко']);
  });

  it('initials with a patronymic, and Тихановская in every case', () => {
    expect(quotes('Указ подписал А. Г. Лукашенко.', lukashenko, 'ru')).toEqual(['А. Г. Лукашенко']);
    expect(quotes('Тихановской ответили. Тихановскую пригласили, с Тихановской говорили.', tsikhanouskaya, 'ru')).toEqual(['Тихановской', 'Тихановскую', 'Тихановской']);
  });

  it('does not take other words sharing the beginning, nor lower-case words', () => {
    expect(quotes('Лукашенковский режим и зеленский (зелёный) цвет.', { name: 'Лукашенко', kind: 'person' }, 'ru')).toEqual([]);
    expect(quotes('зеленского сада', zelensky, 'ru')).toEqual([]);
    expect(quotes('Зеленского поддержали.', zelensky, 'ru')).toEqual(['Зеленского']);
  });

  it('short names only match whole: Евросоюз declines, ЕС does not grow', () => {
    expect(quotes('Евросоюза и Евросоюзом; ЄС, ЄСП.', eu, 'ru')).toEqual(['Евросоюза', 'Евросоюзом', 'ЄС']);
    expect(quotes('ЄС, ЄСП.', eu, 'uk')).toEqual(['ЄС']);
  });
});

describe('Ukrainian', () => {
  it('Зеленський / Зеленського / Зеленському and the inflected full name', () => {
    const text = 'Зеленський заявив. Указ Зеленського. Листа Зеленському передали. Зустріч із Володимиром Зеленським.';
    expect(quotes(text, zelensky, 'uk')).toEqual(['Зеленський', 'Зеленського', 'Зеленському', 'Володимиром Зеленським']);
  });

  it('Лукашенко declines in Ukrainian', () => {
    expect(quotes('Лукашенка, Лукашенку, з Лукашенком; Олександра Лукашенка', lukashenko, 'uk')).toEqual(['Лукашенка', 'Лукашенку', 'Лукашенком', 'Олександра Лукашенка']);
  });

  it('apostrophes inside words are part of the word', () => {
    const actor = { name: 'Мар’яна Безугла', kind: 'person' };
    expect(quotes("Мар'яна Безугла і Мар’яни Безуглої", actor, 'uk')).toEqual(["Мар'яна Безугла", 'Мар’яни Безуглої']);
  });
});

describe('Belarusian (suffix rules)', () => {
  it('Лукашэнка / Лукашэнкі / Лукашэнку / Лукашэнкам', () => {
    expect(quotes('Лукашэнка сказаў. Словы Лукашэнкі. Ліст Лукашэнку. З Лукашэнкам.', lukashenko, 'be')).toEqual(['Лукашэнка', 'Лукашэнкі', 'Лукашэнку', 'Лукашэнкам']);
  });

  it('Ціханоўская in every case, full name too; initial ў reads as у', () => {
    const text = 'Ціханоўская заявіла. Словы Ціханоўскай. Святлану Ціханоўскую віталі. А Ўладзімір Зяленскі і Зяленскага бачылі.';
    expect(quotes(text, tsikhanouskaya, 'be')).toEqual(['Ціханоўская', 'Ціханоўскай', 'Святлану Ціханоўскую']);
    expect(quotes(text, zelensky, 'be')).toEqual(['Ўладзімір Зяленскі', 'Зяленскага']);
  });

  it('the Belarusian stemmer keeps at least three letters', () => {
    expect(stemBelarusian('лукашэнкам')).toBe('лукашэнк');
    expect(stemBelarusian('зяленскаму')).toBe('зяленск');
    expect(stemBelarusian('яна')).toBe('яна');
  });

  it('without a language, every Cyrillic stemmer is tried', () => {
    expect(quotes('Лукашэнкам і Лукашенком', lukashenko, null)).toEqual(['Лукашэнкам', 'Лукашенком']);
  });
});

describe('English', () => {
  it('possessives are matched, the ’s left out of the mention', () => {
    const text = "Tsikhanouskaya's team and Tsikhanouskaya’s office; the EU's answer.";
    expect(quotes(text, tsikhanouskaya, 'en')).toEqual(['Tsikhanouskaya', 'Tsikhanouskaya']);
    expect(quotes(text, eu, 'en')).toEqual(['EU']);
  });

  it('initials for first names, full names once (not also as a surname)', () => {
    const text = 'S. Tsikhanouskaya met Sviatlana Tsikhanouskaya’s aides; S.Tsikhanouskaya again.';
    const found = findMentions(text, tsikhanouskaya, 'en');
    expect(found.map((m) => m.quote)).toEqual(['S. Tsikhanouskaya', 'Sviatlana Tsikhanouskaya', 'S.Tsikhanouskaya']);
    expect(found[1]!.alias).toBe('Sviatlana Tsikhanouskaya');
    // A wrong initial is not this person, but the surname alone still is.
    expect(quotes('V. Tsikhanouskaya', tsikhanouskaya, 'en')).toEqual(['Tsikhanouskaya']);
  });

  it('surnames alone only for persons; no stemming in English', () => {
    expect(quotes('The Union met; the European Union decided.', eu, 'en')).toEqual(['European Union']);
    expect(quotes('Lukashenkos and Lukashenko', lukashenko, 'en')).toEqual(['Lukashenko']);
    expect(quotes('Jean-Claude Juncker’s speech; Jean Claude Juncker', { name: 'Jean-Claude Juncker' }, 'en')).toEqual(['Jean-Claude Juncker', 'Jean Claude Juncker']);
    // A name split by punctuation is not a name.
    expect(quotes('Sviatlana, Tsikhanouskaya', { name: 'Sviatlana Tsikhanouskaya' }, 'en')).toEqual([]);
  });

  it('counts UTF-16 code units after astral characters', () => {
    // The flag is 4 code units (2 code points), the emoji 2: the name starts at 4 + 1 + 2 + 1.
    const text = '🇧🇾 😀 Tsikhanouskaya';
    const [m] = findMentions(text, tsikhanouskaya, 'en');
    expect(m).toMatchObject({ start: 8, end: 22 });
  });
});

describe('folding and reuse', () => {
  it('folds as the search index: case, stress marks, ё and apostrophes, keeping й, ї and Latin diacritics', () => {
    expect(foldWord('Лука\u0301шенко')).toBe('лукашенко');
    expect(foldWord('Артём')).toBe('артем');
    expect(foldWord('Андрій')).toBe('андрій');
    expect(foldWord('Їжак')).toBe('їжак');
    expect(foldWord('п’ять')).toBe("п'ять");
    expect(foldWord('Łukaszénka')).toBe('łukaszénka');
  });

  it('a compiled matcher searches many texts', () => {
    const m = actorMatcher(lukashenko);
    expect(m.find('Лукашенко', 'ru')).toHaveLength(1);
    expect(m.find('Lukashenko’s', 'en')).toHaveLength(1);
    expect(m.find('nothing here', 'en')).toEqual([]);
  });
});
