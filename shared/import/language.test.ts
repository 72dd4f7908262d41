import { describe, expect, it } from 'vitest';
import { declaredLanguageFits, detectLanguage, languageFromTag } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The city council approved a new budget for the next year after a long debate on schools.'],
    ['ru', 'Городской совет утвердил новый бюджет на следующий год после долгих споров о школах.'],
    ['uk', 'Міська рада ухвалила новий бюджет на наступний рік після довгої дискусії про школи.'],
    ['be', 'Гарадскі савет зацвердзіў новы бюджэт на наступны год пасля доўгай дыскусіі пра школы.'],
    ['pl', 'Rada miasta przyjęła nowy budżet na przyszły rok po długiej debacie o szkołach i szpitalach.'],
    ['de', 'Der Stadtrat hat nach einer langen Debatte über Schulen einen neuen Haushalt für das nächste Jahr beschlossen.'],
    ['et', 'Linnavolikogu kiitis pärast pikka arutelu koolide üle heaks järgmise aasta uue eelarve.'],
    ['el', 'Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό για το επόμενο έτος μετά από μακρά συζήτηση.'],
  ])('%s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  // Issue #14: Russian feed items labelled fr/en because the sample was Latin-script markup or boilerplate.
  const RU_BODY = [
    'Городской совет во вторник утвердил план ремонта набережной, который обсуждался с весны.',
    'Работы начнутся в июне и продлятся до конца осени; на это время часть пешеходной зоны будет закрыта.',
    'Жители ближайших улиц попросили сохранить проход к реке, и подрядчик обещал оставить временную дорожку.',
    'Депутаты также поручили мэрии подготовить отчёт о расходах к началу следующего года.',
  ];
  const LATIN_LEAD = [
    'Photo: Reuters / Alexander Petrov, licensed under Creative Commons Attribution 4.0 International',
    'Source: https://vesti-prirechya.example/news/2024/03/05/naberezhnaya?utm_source=rss&utm_medium=feed',
    'Le texte original est publié par notre partenaire, la rédaction se réserve le droit de modifier la version française.',
    'Droits de reproduction réservés.',
  ];

  it('reads a mostly Cyrillic body as Russian although its first 400 characters are Latin-script', () => {
    const text = [...LATIN_LEAD, ...RU_BODY, ...RU_BODY.map((p) => p.replace('Городской', 'Районный'))].join('\n\n');
    const head = text.slice(0, 400);
    expect((head.match(/[а-яё]/gi) ?? []).length).toBeLessThan((head.match(/[a-z]/gi) ?? []).length / 4);
    expect(detectLanguage(text)).toBe('ru');
  });

  it('keeps Ukrainian and Belarusian apart behind a Latin-script lead', () => {
    const uk = 'Міська рада ухвалила новий бюджет на наступний рік після довгої дискусії про школи та лікарні, які отримають більше коштів.';
    const be = 'Гарадскі савет зацвердзіў новы бюджэт на наступны год пасля доўгай дыскусіі пра школы і бальніцы, якія атрымаюць больш грошай.';
    const ukBody = [uk, uk.replace('Міська', 'Обласна'), uk.replace('Міська', 'Районна'), uk.replace('Міська', 'Сільська')];
    const beBody = [be, be.replace('Гарадскі', 'Абласны'), be.replace('Гарадскі', 'Раённы'), be.replace('Гарадскі', 'Сельскі')];
    expect(detectLanguage([...LATIN_LEAD, ...ukBody].join('\n\n'))).toBe('uk');
    expect(detectLanguage([...LATIN_LEAD, ...beBody].join('\n\n'))).toBe('be');
  });

  it('never gives a mostly Latin text a Cyrillic language because it opens with a Russian quote', () => {
    const quote = '«Мы не будем повышать налоги в этом году, и это окончательное решение правительства», — сказал министр финансов журналистам в понедельник.';
    const en = [
      'The finance minister told reporters on Monday that taxes would not rise this year, calling it the final word of the government on the matter.',
      'Opposition deputies said the promise left open how the budget gap would be closed, and asked for a full account of spending before the summer.',
      'Economists expect the central bank to keep its rate unchanged at the next meeting, citing slowing inflation and weak demand.',
    ];
    const quote2 = '«Бюджет будет сбалансирован за счёт сокращения расходов на содержание аппарата», — добавил он.';
    expect(detectLanguage([quote, quote2, ...en].join('\n\n'))).toBe('en');
  });

  it('is undefined for short texts', () => {
    expect(detectLanguage('Мост')).toBeUndefined();
    expect(detectLanguage('Short note.')).toBeUndefined();
  });
});

describe('declaredLanguageFits', () => {
  it('uses a declared language only where it fits the script of the text', () => {
    expect(declaredLanguageFits('Мост откроют весной', 'ru-RU')).toBe('ru');
    expect(declaredLanguageFits('Мост откроют весной', 'en')).toBeUndefined();
    expect(declaredLanguageFits('The bridge opens in spring', 'ru')).toBeUndefined();
    expect(declaredLanguageFits('Most će biti otvoren', 'sr')).toBe('sr');
  });
});

describe('languageFromTag', () => {
  it('reduces declared tags to the primary subtag', () => {
    expect(languageFromTag('ru-RU')).toBe('ru');
    expect(languageFromTag('en_GB')).toBe('en');
    expect(languageFromTag(' UK ')).toBe('uk');
    expect(languageFromTag('not a tag')).toBeUndefined();
    expect(languageFromTag(undefined)).toBeUndefined();
  });
});
