import { hasCjk } from '@/lib/search-text/normalize'

/**
 * The language of a piece of archive content, for its `lang` attribute: the UI language says
 * nothing about it (an English UI shows Chinese digests; some publishers write in English).
 */
export const contentLang = (text: string): 'zh-CN' | 'en' => (hasCjk(text) ? 'zh-CN' : 'en')
