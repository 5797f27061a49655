package dev.catena.benchmarks.splitters;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic mixed English/Chinese corpus of a given UTF-8 size: paragraphs of 2–8 lines,
 * lines of 1–4 sentences, each sentence English or Chinese, so every separator level is used.
 */
final class MixedCorpus {

    static final String[] ENGLISH = {
        "Retrieval augmented generation feeds a model the passages it needs.",
        "Hard work pays off when it follows the grain of the problem.",
        "A splitter keeps paragraphs together as long as they fit.",
        "Vector stores answer nearest-neighbour queries over embeddings.",
        "The quick brown fox jumps over the lazy dog again and again.",
        "Token counting must be fast, or every prompt pays for it twice.",
    };
    static final String[] CHINESE = {
        "天道酬勤并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律。",
        "这种努力不仅仅是指身体上的劳动，也包括精神上的努力和思考。",
        "只要一个人具备这些能力，他就有可能会获得成功。",
        "检索增强生成把模型需要的段落交给它，再让它回答问题！",
        "向量数据库能够快速找到与查询最相似的文本片段；",
        "文本切分器会尽量让段落和句子保持完整？",
    };

    private MixedCorpus() {
    }

    static String ofMegabytes(int megabytes) {
        long target = megabytes * 1_000_000L;
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder text = new StringBuilder((int) (target / 2));
        long bytes = 0;
        while (bytes < target) {
            StringBuilder paragraph = new StringBuilder();
            int lines = 2 + random.nextInt(7);
            for (int l = 0; l < lines; l++) {
                int sentences = 1 + random.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    if (random.nextBoolean()) {
                        if (s > 0) {
                            paragraph.append(' ');
                        }
                        paragraph.append(ENGLISH[random.nextInt(ENGLISH.length)]);
                    } else {
                        paragraph.append(CHINESE[random.nextInt(CHINESE.length)]);
                    }
                }
                paragraph.append(l + 1 < lines ? "\n" : "\n\n");
            }
            bytes += paragraph.toString().getBytes(StandardCharsets.UTF_8).length;
            text.append(paragraph);
        }
        return text.toString();
    }
}
