package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charset detection on real files: the charset and the detector's confidence go into the metadata. */
class CharsetDetectionTest {

    private static final String JAPANESE = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"
            + "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。";
    private static final String RUSSIAN = "Москва — столица России, город федерального значения, административный центр "
            + "Центрального федерального округа и центр Московской области, в состав которой не входит.";

    @TempDir
    Path dir;

    @Test
    void shiftJisJapaneseIsDecodedAsShiftJisNotGb18030() throws Exception {
        Path file = Files.write(dir.resolve("neko.txt"), JAPANESE.getBytes(Charset.forName("Shift_JIS")));
        Document doc = TextFileLoader.of(file).load().get(0);
        assertThat(doc.text()).isEqualTo(JAPANESE);
        assertThat(Charset.forName((String) doc.metadata().get("charset"))).isEqualTo(Charset.forName("Shift_JIS"));
        assertThat((Double) doc.metadata().get("charset_confidence")).isGreaterThan(0.5);
    }

    @Test
    void eucJpAndCyrillicCodePagesAreDetectedToo() throws Exception {
        Path eucJp = Files.write(dir.resolve("euc.txt"), JAPANESE.getBytes(Charset.forName("EUC-JP")));
        assertThat(TextFileLoader.of(eucJp).load().get(0).text()).isEqualTo(JAPANESE);
        Path cp1251 = Files.write(dir.resolve("ru.txt"), RUSSIAN.getBytes(Charset.forName("windows-1251")));
        Document ru = TextFileLoader.of(cp1251).load().get(0);
        assertThat(ru.text()).isEqualTo(RUSSIAN);
        assertThat(ru.metadata()).containsEntry("charset", "windows-1251");
    }

    @Test
    void undecidableBytesFailUnlessTheCallerChoseADefault() throws Exception {
        byte[] noise = new byte[64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 37) % 0x20); // C1 range: no prober is confident
        }
        Path file = Files.write(dir.resolve("noise.txt"), noise);
        assertThatThrownBy(() -> TextFileLoader.of(file).load()).isInstanceOf(DocumentLoadException.class)
                .hasMessageContaining("could not tell the charset of " + file).hasMessageContaining("pass the file's charset");
        Document latin1 = TextFileLoader.detecting(file, StandardCharsets.ISO_8859_1).load().get(0);
        assertThat(latin1.metadata()).containsEntry("charset", "ISO-8859-1").containsEntry("charset_confidence", 0.0);
    }

    @Test
    void anExplicitCharsetIsUsedAsGivenWithoutConfidence() throws Exception {
        Path file = Files.write(dir.resolve("neko.txt"), JAPANESE.getBytes(Charset.forName("Shift_JIS")));
        Document doc = TextFileLoader.of(file, Charset.forName("Shift_JIS")).load().get(0);
        assertThat(doc.text()).isEqualTo(JAPANESE);
        assertThat(doc.metadata()).containsEntry("charset", "Shift_JIS").doesNotContainKey("charset_confidence");
    }
}
