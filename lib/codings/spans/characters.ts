/**
 * Character classes for word, sentence and grapheme decisions, each taking one code point
 * as a string. Unicode property escapes keep them script-neutral: "ñ", "ß", "щ", "ع", "字"
 * and mathematical letters outside the BMP are all letters.
 */

const WORD = /^[\p{L}\p{M}\p{N}]$/u;
// Apostrophes and hyphens belong to a word only between two word characters: "don't",
// "rock'n'roll", "well-known", but not the quote in 'yes' or the dash in "so - well".
const JOINER = /^['’\-‐‑]$/u;
// \s covers Unicode White_Space (no-break space, line and paragraph separators); zero-width
// space is invisible too, so an edge made of it counts as blank.
const SPACE = /^[\s\u200B]$/u;
const PUNCTUATION = /^\p{P}$/u;
// Separators that only make sense before more text: a passage should not end on them.
const DANGLING = /^[\p{Pd},;:、，；：]$/u;
// Code points that never start a user-perceived character: combining marks (also variation
// selectors), emoji skin tones, the zero-width joiner and emoji tag characters. A reduced
// form of the extended grapheme cluster rules of UAX #29, enough for emoji and diacritics.
const EXTENDER = /^[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\u200D\u{E0020}-\u{E007F}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;
// Full stop, question and exclamation marks in every script (including "。" and "؟").
const SENTENCE_TERMINAL = /^\p{Sentence_Terminal}$/u;
// Closing quotes and brackets that may follow a terminal: He said "no." Then...
const CLOSING = /^[\p{Pe}\p{Pf}"'’”»]$/u;
// Terminals of scripts written without spaces end a sentence even when text follows at once.
const IDEOGRAPHIC_TERMINAL = /^[。！？｡]$/u;

export const isWordChar = (c: string): boolean => WORD.test(c);
export const isJoiner = (c: string): boolean => JOINER.test(c);
export const isSpace = (c: string): boolean => SPACE.test(c);
export const isPunctuation = (c: string): boolean => PUNCTUATION.test(c);
export const isDangling = (c: string): boolean => DANGLING.test(c);
export const isExtender = (c: string): boolean => EXTENDER.test(c);
export const isPictographic = (c: string): boolean => PICTOGRAPHIC.test(c);
export const isRegionalIndicator = (c: string): boolean => REGIONAL_INDICATOR.test(c);
export const isSentenceTerminal = (c: string): boolean => SENTENCE_TERMINAL.test(c);
export const isClosing = (c: string): boolean => CLOSING.test(c);
export const isIdeographicTerminal = (c: string): boolean => IDEOGRAPHIC_TERMINAL.test(c);
