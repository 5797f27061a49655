package dev.catena.core.text;

/**
 * Which writing system a character belongs to, for tokenizers and text features that must treat
 * Chinese, Japanese and Korean text differently from space-separated scripts.
 *
 * <pre>{@code
 * Scripts.isCjk("酬".codePointAt(0)); // true
 * Scripts.isCjk('a');                 // false
 * }</pre>
 */
public final class Scripts {

    private Scripts() {
    }

    /**
     * {@return whether a code point is Han (Chinese characters, Japanese kanji), Hiragana, Katakana or
     * Hangul} Chinese and Japanese put no spaces between words, so tokenizers index these scripts
     * by character and character pair rather than by word. Shared punctuation such as {@code 。}
     * and full-width digits belong to no script here and are not CJK.
     *
     * @param codePoint the Unicode code point
     */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
