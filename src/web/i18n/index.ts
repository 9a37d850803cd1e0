// i18next set-up: zh-TW by default, English complete; the chosen language is remembered before sign-in.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { type Messages, zhTW } from './zh-TW.ts';

/** Languages the interface speaks. */
export const locales = ['zh-TW', 'en'] as const;
/** One of the interface languages. */
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'firebreak.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: Messages };
  }
}

/** Narrows any string to a supported locale (zh-TW when unknown). */
export function toLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'zh-TW';
}

function readStored(): Locale {
  try {
    return toLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh-TW';
  }
}

const htmlLang = (l: Locale) => (l === 'zh-TW' ? 'zh-Hant-TW' : 'en');

/** Switches the interface language now, and remembers it on this device. */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** The language currently shown. */
export function currentLocale(): Locale {
  return toLocale(i18n.language);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = htmlLang(toLocale(lng));
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: readStored(),
  fallbackLng: 'zh-TW',
  supportedLngs: [...locales],
  // One namespace; keys such as `tokens.scope.mentions:write` contain colons.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = htmlLang(readStored());

/** The configured i18next instance. */
export default i18n;
