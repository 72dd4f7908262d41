import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCleanArticleText } from '../text/normalise.ts';
import { cleanArticle, undouble } from './clean.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('cleanArticle on the sample shape of issue #3', () => {
  it('keeps the headline as title and the ten paragraphs once, in order, nothing else', () => {
    const result = cleanArticle({ text: fixture('sample-shape.txt') });
    expect(result.title).toBe('Harbour town votes to rebuild its old ferry pier');
    expect(result.text).toBe(fixture('sample-shape.expected.txt'));
    expect(result.text.split('\n\n')).toHaveLength(10);
    expect(isCleanArticleText(result.text)).toBe(true);
  });

  it('gives the same result when the title comes from metadata', () => {
    const result = cleanArticle({ title: 'Harbour town votes to rebuild its old ferry pier', text: fixture('sample-shape.txt') });
    expect(result.title).toBe('Harbour town votes to rebuild its old ferry pier');
    expect(result.text).toBe(fixture('sample-shape.expected.txt'));
  });

  it('works the same in Russian, with Russian furniture and a blank-line layout', () => {
    const title = 'Горсовет Заречья отложил ремонт старого моста';
    const paragraphs = [
      'Депутаты городского совета Заречья в четверг решили отложить ремонт старого каменного моста до весны.',
      'Подрядчик, по словам чиновников, не успеет закончить работы до заморозков.',
      'Оставлять мост разобранным на зиму в комиссии назвали слишком опасным.',
      'Жители правого берега недовольны: объезд занимает почти сорок минут.',
      'Автобус через новый мост ходит раз в час, а вечером не ходит вовсе.',
      'Владельцы магазинов у моста жалуются, что покупателей стало вдвое меньше.',
      'Мэрия обещает пустить дополнительный автобус с первого декабря.',
      'Смета ремонта за год выросла на треть из-за цен на камень и металл.',
      'Часть денег область обещала выделить из дорожного фонда.',
      'Следующее заседание по мосту назначено на середину января.',
    ];
    const lines = [`${title} ${title}`, title, `${title} ${paragraphs.join(' ')}`, ...paragraphs, 'Оставить комментарий', 'Предыдущая запись Следующая запись'];
    const result = cleanArticle({ text: lines.join('\n\n') });
    expect(result).toEqual({ title, text: paragraphs.join('\n\n') });
  });

  it('handles header lines with single line breaks above a body with blank lines', () => {
    const [doubled, alone, runOn, ...rest] = fixture('sample-shape.txt').trim().split('\n');
    const text = `${doubled}\n${alone}\n${runOn}\n\n${rest.join('\n\n')}\n`;
    expect(cleanArticle({ text })).toEqual({ title: alone, text: fixture('sample-shape.expected.txt') });
  });

  it('gives the same result with CRLF line ends and blank lines between blocks', () => {
    const text = fixture('sample-shape.txt').split('\n').join('\r\n\r\n');
    expect(cleanArticle({ text }).text).toBe(fixture('sample-shape.expected.txt'));
  });
});

const P1 = 'Mill workers in the valley walked out on Monday over a change to their night shifts.';
const P2 = 'The owners said the new rota was needed to keep two of the three looms running.';
const P3 = 'Talks between the two sides are due to resume at the end of the week.';

describe('normalisation', () => {
  it('applies NFC, \\n line ends, plain spaces and collapsed runs, and keeps quotes as written', () => {
    const decomposed = 'Cafe\u0301 \u00abLa\u00a0Lune\u00bb\u2009reopened — \u201cfinally\u201d,\tsaid  owners.';
    const result = cleanArticle({ title: 'T', text: `${decomposed}\r\n\r\nSecond\u202fparagraph\u3000here.` });
    expect(result.text).toBe('Café «La Lune» reopened — “finally”, said owners.\n\nSecond paragraph here.');
    expect(result.text.normalize('NFC')).toBe(result.text);
  });

  it('treats blank lines as paragraph breaks and joins hard-wrapped lines', () => {
    const result = cleanArticle({ title: 'T', text: 'First line\nwrapped here.\n\n\n\nSecond para.' });
    expect(result.text).toBe('First line wrapped here.\n\nSecond para.');
  });

  it('treats every line as a paragraph when the file has no blank line', () => {
    expect(cleanArticle({ title: 'T', text: `${P1}\n${P2}` }).text).toBe(`${P1}\n\n${P2}`);
  });

  it('keeps emoji and other astral characters intact', () => {
    const result = cleanArticle({ title: 'T', text: 'Fans cheered 🎉👍🏽 outside.\n\n👨‍👩‍👧 families came too.' });
    expect(result.text).toBe('Fans cheered 🎉👍🏽 outside.\n\n👨‍👩‍👧 families came too.');
  });
});

describe('headline', () => {
  it('takes the title from metadata and drops the headline repeated as first paragraph', () => {
    const result = cleanArticle({ title: 'Mill workers strike', text: `Mill workers strike\n\n${P1}` });
    expect(result).toEqual({ title: 'Mill workers strike', text: P1 });
  });

  it('takes the first short line without final punctuation as title', () => {
    const result = cleanArticle({ text: `Mill workers strike\n${P1}\n${P2}` });
    expect(result).toEqual({ title: 'Mill workers strike', text: `${P1}\n\n${P2}` });
  });

  it('does not take a sentence as title: the title stays empty', () => {
    expect(cleanArticle({ text: `${P1}\n${P2}` })).toEqual({ title: '', text: `${P1}\n\n${P2}` });
  });

  it('does not take the only paragraph as title', () => {
    expect(cleanArticle({ text: 'Mill workers strike' })).toEqual({ title: '', text: 'Mill workers strike' });
  });

  it('does not take a dateline or a number as title', () => {
    expect(cleanArticle({ text: `5 March 2024\n${P1}` }).title).toBe('');
    expect(cleanArticle({ text: `2024-03-05 10:15\n${P1}` }).title).toBe('');
    expect(cleanArticle({ text: `12\n${P1}` }).title).toBe('');
  });

  it('does not take the first line of a hard-wrapped paragraph as title', () => {
    const text = 'The council voted on Tuesday to rebuild the\npier after a long debate.\n\nWork starts in May.';
    expect(cleanArticle({ text })).toEqual({ title: '', text: 'The council voted on Tuesday to rebuild the pier after a long debate.\n\nWork starts in May.' });
  });

  it('removes the headline written twice on one line', () => {
    expect(undouble('Mill strike ends Mill strike ends')).toBe('Mill strike ends');
    expect(undouble('Mill strike endsMill strike ends')).toBe('Mill strike ends');
    expect(undouble('Mill strike ends Mill strike ends Mill strike ends')).toBe('Mill strike ends');
    expect(undouble('Mill strike ends today')).toBeUndefined();
    expect(undouble('Go go')).toBeUndefined();
    expect(undouble('Bora Bora')).toBeUndefined();
    expect(cleanArticle({ title: 'Bora Bora', text: P1 }).title).toBe('Bora Bora');
    const result = cleanArticle({ text: `Mill workers strike Mill workers strike\n${P1}` });
    expect(result).toEqual({ title: 'Mill workers strike', text: P1 });
  });

  it('removes a first paragraph that is a shorter or longer variant of the headline', () => {
    expect(cleanArticle({ title: 'Mill workers strike over night shifts', paragraphs: ['Mill workers strike', P1] }).text).toBe(P1);
    expect(cleanArticle({ title: 'Mill workers strike', paragraphs: ['Mill workers strike over shifts', P1] }).text).toBe(P1);
    // Not when it is only a word of it, or a sentence.
    expect(cleanArticle({ title: 'Mill workers strike over night shifts', paragraphs: ['Mill', P1] }).text).toBe(`Mill\n\n${P1}`);
  });

  it('removes the headline repeated later, in another case', () => {
    const result = cleanArticle({ title: 'Mill workers strike', text: `${P1}\nMILL WORKERS STRIKE\n${P2}` });
    expect(result.text).toBe(`${P1}\n\n${P2}`);
  });
});

describe('run-on block', () => {
  it('removes the headline glued to all paragraphs', () => {
    const text = `Mill workers strike ${P1} ${P2} ${P3}\n${P1}\n${P2}\n${P3}`;
    expect(cleanArticle({ title: 'Mill workers strike', text }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('removes all paragraphs glued without the headline, even without spaces and after the paragraphs', () => {
    const text = `${P1}\n${P2}\n${P3}\n${P1}${P2}${P3}`;
    expect(cleanArticle({ title: 'T', text }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('keeps a long paragraph that merely quotes one other paragraph', () => {
    const long = `As one striker put it: ${P3} Nobody in the valley believes that, and the looms are still quiet.`;
    const text = `${P3}\n${long}`;
    expect(cleanArticle({ title: 'T', text }).text).toBe(`${P3}\n\n${long}`);
  });
});

describe('duplicates', () => {
  it('removes exact duplicate paragraphs, keeping the first', () => {
    expect(cleanArticle({ title: 'T', text: `${P1}\n${P2}\n${P1}\n${P3}` }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('removes near-duplicates (case, punctuation, one changed word)', () => {
    const near = P2.replace('needed', 'required').toUpperCase().replace(/\.$/, '!');
    expect(cleanArticle({ title: 'T', text: `${P1}\n${P2}\n${P3}\n${near}` }).text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('keeps paragraphs that only share a few words', () => {
    const other = 'Mill workers in the valley last walked out in 1998, over pay rather than shifts.';
    expect(cleanArticle({ title: 'T', text: `${P1}\n${other}` }).text).toBe(`${P1}\n\n${other}`);
  });
});

describe('site furniture', () => {
  const cases: [string, string[], string[]][] = [
    ['English comment and navigation', ['Skip to content', 'Home › News › Valley'], ['Leave a Reply', '3 Comments', '« Previous Post', 'Next Post »']],
    ['English most-read list', [], ['Most read', 'Storm closes the harbour road', 'New ferry arrives']],
    ['English share, subscribe, related, copyright', ['Share on Facebook'], ['Share this article', 'Facebook Twitter Email', 'Subscribe to our newsletter', 'Related Posts', 'Another story about looms', 'Weather for the weekend', '© 2024 Valley Gazette. All rights reserved.']],
    ['Russian', ['Главная › Новости'], ['Нашли ошибку? Выделите её и нажмите Ctrl+Enter', 'Поделиться', 'Подписывайтесь на наш канал в Telegram', 'Читайте также', 'Другая новость о фабрике', 'Оставить комментарий', 'Предыдущая статья Следующая статья', '© 2024 Все права защищены']],
    ['Russian "subscribe to us" and a most-read list', [], ['Подписывайтесь на нас в Telegram', 'Самое читаемое', 'Пожар на складе', 'Новый мост']],
    ['Ukrainian', ['Головна › Новини'], ['Помітили помилку? Виділіть її та натисніть Ctrl+Enter', 'Поділитися', 'Підписуйтесь на наш канал', 'Читайте також', 'Інша новина про фабрику', 'Залишити коментар', 'Попередня стаття Наступна стаття', 'Усі права захищені']],
    ['Belarusian', ['Галоўная › Навіны'], ['Падзяліцца', 'Падпісвайцеся на наш канал', 'Чытайце таксама', 'Іншая навіна пра фабрыку', 'Пакінуць каментар', 'Папярэдні артыкул Наступны артыкул', 'Усе правы абаронены']],
  ];
  for (const [name, before, after] of cases) {
    it(`removes ${name} furniture at start and end`, () => {
      const text = [...before, P1, P2, ...after].join('\n');
      expect(cleanArticle({ title: 'T', text }).text).toBe(`${P1}\n\n${P2}`);
    });
  }

  it('keeps ordinary last sentences that start like furniture', () => {
    const endings = [
      'Sign up for the clinic opens on Monday, the ministry said.',
      'Sign up for the bus pass ends in four hours.',
      'Copyright law reform is expected next year.',
      'Share prices fell by three per cent.',
      'Подписаться на программу можно до конца месяца.',
    ];
    for (const ending of endings) {
      expect(cleanArticle({ title: 'T', text: [P1, ending].join('\n') }).text).toBe(`${P1}\n\n${ending}`);
    }
  });

  it('keeps a furniture-like phrase inside the article', () => {
    const text = [P1, 'Comments', P2].join('\n');
    expect(cleanArticle({ title: 'T', text }).text).toBe(`${P1}\n\nComments\n\n${P2}`);
  });

  it('does not cut a long paragraph after a "related" heading', () => {
    const long = `${P1} ${P2} And then the workers went back to the hall to vote on the offer once again.`;
    const text = [P1, 'Read also', long].join('\n');
    expect(cleanArticle({ title: 'T', text }).text).toBe(`${P1}\n\nRead also\n\n${long}`);
  });
});

describe('large inputs', () => {
  it('cleans a 20,000-line dump in bounded time', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `Entry ${i}: ${['harbour', 'ferry', 'pier', 'council', 'storm'][i % 5]} report number ${i * 7} filed.`);
    const start = performance.now();
    const result = cleanArticle({ title: 'Dump', text: lines.join('\n') });
    // Pairwise checks over 20,000 paragraphs would take minutes; the bounded ones take a second or two.
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(result.text.split('\n\n').length).toBeGreaterThan(1000);
    expect(isCleanArticleText(result.text)).toBe(true);
  }, 30_000);
});
