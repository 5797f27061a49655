package dev.catena.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTest {

    @Test
    void hanKanaAndHangulAreCjkIncludingSupplementaryIdeographs() {
        assertThat("天道酬勤ひらがなカタカナ한국어𠀀".codePoints().allMatch(Scripts::isCjk)).isTrue();
    }

    @Test
    void latinDigitsPunctuationAndOtherScriptsAreNot() {
        assertThat("aZé1１。，、！ Ω ж ا 😀".codePoints().noneMatch(Scripts::isCjk)).isTrue();
    }
}
