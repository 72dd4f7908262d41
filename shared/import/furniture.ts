/**
 * Site furniture: what a scraper collects around an article (comment prompts, previous/next
 * navigation, share and subscribe prompts, related-post lists, copyright lines, breadcrumbs).
 * English, Russian, Ukrainian and Belarusian, and for subscription/newsletter/account prompts also
 * Portuguese, Spanish, French and German. Only short paragraphs are ever matched.
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
  // subscription and account prompts at the ends of a page (en, pt, es, fr, de, ru, uk, be)
  /^(subscribe|assine|suscríbete|abonnez-vous|abonnieren|подпишитесь|передплатіть|падпішыцеся) (a|o|to|la|el|à|le|die|den|на) .{1,40}$/,
  /^(a free )?(daily|weekly) (digest|newsletter|briefing) of .{0,80}$/,
  /^(support|apoie|apoya|soutenez|unterstützen sie) (our|o|el|notre|unseren) (journalism|jornalismo|periodismo|journalisme|journalismus)( .{0,80})?$/,
  /^(оформить|оформите) подписку( .{0,60})?$/,
  // page chrome
  /^(skip to (main )?content|home|menu|search|advertisement|ad|sponsored|back to top|go to top|cookie.{0,80})$/,
  /^(главная|меню|поиск|реклама|наверх|головна|пошук|реклама|галоўная|пошук|рэклама)$/,
  /^(read more|continue reading|read the full (story|article)|loading|sponsored content|читать далее|читать дальше|читать полностью|читати далі|читати повністю|чытаць далей)$/,
  // "Found a typo? Select it and press Ctrl+Enter" (in every language of the region).
  /ctrl ?\+ ?enter/,
  // breadcrumbs: "Home › News › World"
  /^[^›»>]{1,40}( [›»>] [^›»>]{1,40}){1,6}$/,
];

/**
 * Prompts so particular to site chrome that a paragraph made of one alone is never article text,
 * wherever it sits: newsletter boxes, paywall price lines and reprint bars are placed between the
 * paragraphs of the story, where furniture at the ends is not looked for.
 */
const ANYWHERE_PATTERNS: readonly RegExp[] = [
  // newsletter sign-up boxes
  /^(sign up|subscribe|register)( now| today)?( for| to)? (our|the|a)( free| daily| weekly| morning| evening)? (newsletters?|email newsletter|briefing|digest)( .{0,80})?$/,
  /^(get|receive) (our|the) (free )?(newsletter|daily briefing|morning briefing)( .{0,80})?$/,
  /^(receba|recebe) (no seu e-?mail|a newsletter|as newsletters|gratuitamente)( .{0,100})?$/,
  /^(cadastre-se|inscreva-se|assine)( gratuitamente| grátis)? (para|e|na|em nossa|a nossa) .{0,40}(newsletter|receber|e-?mail)( .{0,80})?$/,
  /^(suscríbete|suscribete|apúntate|regístrate|recibe) (a|en|gratis a|nuestra|nuestro|el|la|nuestras) .{0,30}(newsletter|boletín|boletines)( .{0,80})?$/,
  /^(inscrivez-vous|abonnez-vous|recevez) (à|a|gratuitement à) (notre|nos|la) (newsletter|newsletters|lettre d'information|lettre d’information)( .{0,80})?$/,
  /^(melden sie sich|jetzt|hier) (für|zum|zu) (unseren |den )?newsletter an$/,
  /^(newsletter abonnieren|zum newsletter anmelden|jetzt newsletter abonnieren)$/,
  /^(подпишитесь|подписывайтесь|подпишись) на (нашу |наши )?(рассылк|новостн)\S*( .{0,80})?$/,
  /^(підпишіться|підписуйтесь) на (нашу |наші )?(розсилк|новин)\S*( .{0,80})?$/,
  // paywall and subscription offers with a price
  // (an offer starts with the imperative: "Netflix subscribers will pay $2 more" is news)
  /^(subscribe|subscribe now|assine|assine já|suscríbete|abonnez-vous|jetzt abonnieren|abonnieren sie|подпишитесь|оформите подписку|передплатіть|падпішыцеся)\b.{0,100}[$€£₽₴]\s?\d/,
  // reprint / print-edition bars
  /^order reprints( \| today['’]?s paper)?( \| subscribe)?$/,
  /^(today['’]?s paper|reprints)( \| (subscribe|order reprints|today['’]?s paper))+$/,
  // account menus and their items
  /^(subscribe|sign up|inscreva-se|cadastre-se|suscríbete|regístrate|inscrivez-vous|abonnez-vous|registrieren|sign in|log in|login|sign out|log out|my account|create (an |free )?account|register|entrar|sair|minha conta|iniciar sesión|cerrar sesión|mi cuenta|se connecter|se déconnecter|mon compte|anmelden|abmelden|einloggen|mein konto|войти|выйти|личный кабинет|увійти|вийти|особистий кабінет|увайсці|выйсці)$/,
  /^(already (a subscriber|subscribed|have an account)|já é assinante|já tem conta|¿ya eres suscriptor|¿ya tienes cuenta|déjà abonné|bereits abonnent|schon abonnent|уже подписаны|вже передплатник)\??( .{0,40})?$/,
  // widgets that never finished loading
  /^(loading|carregando|cargando|chargement|wird geladen|загрузка|завантаження)$/,
];

// Long notes that are still furniture: checked before the length limit.
const LONG_PATTERNS: readonly RegExp[] = [/^a version of this (article|story) appears in print on /];

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
  if (paragraph.length > MAX_FURNITURE_LENGTH) return LONG_PATTERNS.some((re) => re.test(key(paragraph.slice(0, 200))));
  const k = key(paragraph);
  if (k === '') return true;
  return LINE_PATTERNS.some((re) => re.test(k)) || ANYWHERE_PATTERNS.some((re) => re.test(k));
}

/** Furniture that is removed wherever it stands (see ANYWHERE_PATTERNS). */
export function isFurnitureAnywhere(paragraph: string): boolean {
  if (paragraph.length > MAX_FURNITURE_LENGTH) return false;
  const k = key(paragraph);
  return ANYWHERE_PATTERNS.some((re) => re.test(k));
}

export function isTrailingSectionHeading(paragraph: string): boolean {
  if (paragraph.length > MAX_FURNITURE_LENGTH) return false;
  const k = key(paragraph);
  return TRAILING_SECTION.some((re) => re.test(k));
}

const MAX_LIST_ITEM_LENGTH = 200;

/**
 * Removes furniture at the start and at the end of the paragraphs; in the middle only the
 * unmistakable prompts of ANYWHERE_PATTERNS.
 */
export function stripFurniture(input: readonly string[]): string[] {
  const paragraphs = input.filter((p) => !isFurnitureAnywhere(p));
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
