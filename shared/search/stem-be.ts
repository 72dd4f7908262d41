/**
 * A small suffix-stripping stemmer for Belarusian: no maintained library covers it (Snowball and
 * @orama/stemmers stop at Russian and Ukrainian). It removes the longest inflectional ending
 * from the list below — noun, adjective, pronoun and verb endings of the standard grammar
 * (тарашкевіца and наркамаўка share them) — keeping at least three letters of stem, and then a
 * trailing soft sign. It over-stems a few short words and never handles alternations
 * (рука/руцэ): good enough to make Лукашэнка find Лукашэнку, not a lemmatiser.
 */
const ENDINGS = [
  // adjectives and participles
  'ымі', 'імі', 'ыя', 'ія', 'ай', 'яй', 'ое', 'ага', 'яга', 'аму', 'яму', 'ому', 'ога', 'ая', 'ае', 'ую', 'юю', 'ых', 'іх', 'ым', 'ім', 'ой', 'ей',
  // nouns
  'амі', 'ямі', 'ам', 'ям', 'ах', 'ях', 'ою', 'ёю', 'ею', 'ом', 'ем', 'ём', 'оў', 'аў', 'яў', 'еў', 'ёў',
  // verbs
  'ецца', 'ацца', 'іцца', 'уцца', 'юцца', 'ешся', 'ішся', 'лася', 'ліся', 'лося', 'цца', 'ся',
  'аць', 'яць', 'ець', 'іць', 'уць', 'юць', 'аеш', 'яеш', 'ееш', 'ем', 'еце', 'іце', 'ем', 'ім',
  'ла', 'лі', 'ло', 'ць', 'еш', 'іш', 'ае', 'яе', 'ўшы', 'шы',
  // single vowels last
  'а', 'я', 'о', 'е', 'ы', 'і', 'у', 'ю', 'э', 'ў',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

export function stemBelarusian(word: string): string {
  let w = word;
  for (const ending of ENDINGS) {
    if (w.length - ending.length >= MIN_STEM && w.endsWith(ending)) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  if (w.length > MIN_STEM && w.endsWith('ь')) w = w.slice(0, -1);
  return w;
}
