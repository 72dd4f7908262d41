/**
 * Site furniture: what a scraper collects around an article (comment prompts, previous/next
 * navigation, share and subscribe prompts, related-post lists, copyright lines, breadcrumbs).
 * English, Russian, Ukrainian and Belarusian. Only short paragraphs are ever matched.
 */

const MAX_FURNITURE_LENGTH = 160;

// Whole-paragraph patterns (matched case-insensitively after trimming trailing punctuation/arrows).
const LINE_PATTERNS: readonly RegExp[] = [
  // comments
  /^(post|leave|add|write|submit) (a |your )?(comment|reply)s?$/,
  /^(\d+ )?(comments?|replies)( \(\d+\)| \d+)?$/,
  /^no comments( yet)?$/,
  /^(оставить|оставьте|добавить|написать|напишите) (свой |ваш )?(комментарий|отзыв)$/,
  /^(\d+ )?(комментарии|комментарий|комментариев|комментария)( \(?\d+\)?)?$/,
  /^(залишити|залиште|додати|написати) (свій |ваш )?(коментар|відгук)$/,
  /^(\d+ )?(коментарі|коментар|коментарів)( \(?\d+\)?)?$/,
  /^(пакінуць|пакіньце|дадаць|напісаць) (свой |ваш )?(каментар|каментарый|водгук)$/,
  /^(\d+ )?(каментарыі|каментары|каментар|каментароў)( \(?\d+\)?)?$/,
  // previous / next navigation (also both on one line)
  /^((previous|prev|next|older|newer) (post|article|story|entry|page|posts|entries) ?)+$/,
  /^(previous|next|older|newer|prev)$/,
  /^((предыдущая|следующая|предыдущий|следующий|предыдущее|следующее) ?(статья|запись|новость|материал|пост|публикация)? ?)+$/,
  /^((попередня|наступна|попередній|наступний|попереднє|наступне) ?(стаття|запис|новина|матеріал|публікація|пост)? ?)+$/,
  /^((папярэдні|наступны|папярэдняя|наступная) ?(артыкул|запіс|навіна|матэрыял|публікацыя)? ?)+$/,
  // share / subscribe
  /^(share|tweet|email|print|pin it|like)( (this|the) (article|post|story|page))?( on| via)?( (facebook|twitter|x|telegram|whatsapp|linkedin|reddit|email|vk|pinterest))*$/,
  // A prompt verb alone, or followed by what a site asks you to follow ("…our newsletter",
  // "…наш канал в Telegram"): "Sign up for the clinic, the ministry said" stays.
  /^(subscribe|sign up|follow us|поделиться|поделитесь|подписаться|подписывайтесь|подпишитесь|поділитися|поділіться|підписатися|підписуйтесь|підпишіться|падзяліцца|падзяліцеся|падпісацца|падпісвайцеся|падпішыцеся)$/,
  new RegExp(
    '^(subscribe|sign up|follow us|подписаться|подписывайтесь|подпишитесь|поделитесь|підписатися|підписуйтесь|підпишіться|поділіться|падпісацца|падпісвайцеся|падпішыцеся|падзяліцеся)' +
      // …then, as a whole word, what one follows: English words exactly, Slavic stems with any ending.
      ' (.{0,100} )?((newsletter|our|us|channel|feed|rss|updates|alerts|telegram|youtube|instagram|facebook|twitter|whatsapp|viber)(?![a-z])|' +
      '(наш|канал|рассылк|розсилк|новост|новин|навін|телеграм|друзь|друз|сябр)[^ ]*|нас(?![а-яёіїєґў]))' +
      '( .{0,100})?$',
  ),


  /^((facebook|twitter|x|telegram|whatsapp|viber|linkedin|reddit|email|e-mail|vk|вконтакте|одноклассники|ok|pinterest|tumblr|print|copy link)[ ,|·•]*)+$/,
  // copyright
  /^(©|\(c\)|copyright (©|\(c\)|\d{4}|by |of )|all rights reserved|все права защищены|усі права захищені|всі права захищені|усе правы абаронены).*$/,
  /^.{0,80}(all rights reserved|все права защищены|усі права захищені|всі права захищені|усе правы абаронены)$/,
  // tags, categories
  /^(tags|tagged|filed under|categories|category|теги|метки|рубрики|тэгі|мітки):.*$/,
  // page chrome
  /^(skip to (main )?content|home|menu|search|advertisement|ad|sponsored|back to top|go to top|cookie.{0,80})$/,
  /^(главная|меню|поиск|реклама|наверх|головна|пошук|реклама|галоўная|пошук|рэклама)$/,
  /^(read more|continue reading|read the full (story|article)|loading|sponsored content|читать далее|читать дальше|читать полностью|читати далі|читати повністю|чытаць далей)$/,
  // "Found a typo? Select it and press Ctrl+Enter" (in every language of the region).
  /ctrl ?\+ ?enter/,
  // breadcrumbs: "Home › News › World"
  /^[^›»>]{1,40}( [›»>] [^›»>]{1,40}){1,6}$/,
];

// A heading that opens a block of furniture running to the end of the text.
const TRAILING_SECTION: readonly RegExp[] = [
  /^(related|similar|recommended|more|popular|latest|recent|trending|top) (posts|articles|stories|news|reads)( .{0,40})?$/,
  /^(most (read|popular|viewed|shared)|editor'?s picks|top stories)$/,
  /^(you (may|might) also (like|be interested in)|see also|read also|also read|more from .{1,40}|read next|what to read next)$/,
  /^(читайте также|смотрите также|похожие (записи|статьи|новости|материалы)|по теме|ещё по теме|еще по теме|вам может быть интересно|рекомендуем|популярное|последние новости|главное|главное за день|самое читаемое|самое популярное)$/,
  /^(читайте також|дивіться також|схожі (записи|статті|новини|матеріали)|за темою|вас може зацікавити|рекомендуємо|популярне|останні новини|головне|головне за день|найпопулярніше|найчитаніше)$/,
  /^(чытайце таксама|глядзіце таксама|падобныя (запісы|артыкулы|навіны)|па тэме|рэкамендуем|папулярнае|апошнія навіны|галоўнае|галоўнае за дзень)$/,
  /^(comments|комментарии|коментарі|каментарыі)$/,
];

function key(paragraph: string): string {
  return paragraph
    .toLowerCase()
    .replace(/[\s.:!?…,;→←«»"'()[\]]+$/u, '')
    .replace(/^[\s→←•·|«»<>]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isFurniture(paragraph: string): boolean {
  if (paragraph.length > MAX_FURNITURE_LENGTH) return false;
  const k = key(paragraph);
  if (k === '') return true;
  return LINE_PATTERNS.some((re) => re.test(k));
}

export function isTrailingSectionHeading(paragraph: string): boolean {
  if (paragraph.length > MAX_FURNITURE_LENGTH) return false;
  const k = key(paragraph);
  return TRAILING_SECTION.some((re) => re.test(k));
}

const MAX_LIST_ITEM_LENGTH = 200;

/** Removes furniture at the start and at the end of the paragraphs; the middle is left alone. */
export function stripFurniture(paragraphs: readonly string[]): string[] {
  let start = 0;
  let end = paragraphs.length;
  while (start < end && isFurniture(paragraphs[start] ?? '')) start++;
  for (;;) {
    while (end > start && isFurniture(paragraphs[end - 1] ?? '')) end--;
    // A "Related posts" heading followed only by short items (headlines, dates) is cut with them.
    let cut = -1;
    for (let i = end - 1; i >= start; i--) {
      const p = paragraphs[i] ?? '';
      if (isTrailingSectionHeading(p)) {
        cut = i;
        break;
      }
      // Items of a related-posts list are headlines: short, no sentence punctuation at the end.
      if (p.length > MAX_LIST_ITEM_LENGTH || /[.!?…]$/u.test(p)) break;
    }
    if (cut < 0 || cut === start) break;
    end = cut;
  }
  return paragraphs.slice(start, end);
}
