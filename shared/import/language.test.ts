import { describe, expect, it } from 'vitest';
import { detectLanguage, languageFromTag } from './language.ts';

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

  it('is undefined for short texts', () => {
    expect(detectLanguage('Мост')).toBeUndefined();
    expect(detectLanguage('Short note.')).toBeUndefined();
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
