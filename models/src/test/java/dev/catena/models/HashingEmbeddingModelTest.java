package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbeddingModelTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel();

    /** Each case: a query, a text on the same subject, and an unrelated text. */
    private record Case(String query, String similar, String unrelated) {
    }

    private static final List<Case> LABELLED = List.of(
            new Case("How do I reset my password?", "Resetting a forgotten password takes two steps.", "The recipe needs three eggs and flour."),
            new Case("cats are independent pets", "A cat is an independent pet that sleeps a lot.", "Interest rates rose by half a percent."),
            new Case("Java virtual machine garbage collection", "The JVM garbage collector frees unused memory.", "She painted the fence blue last summer."),
            new Case("北京今天的天气怎么样？", "北京今天天气晴朗，气温二十度。", "这本小说讲述了一个航海家的故事。"),
            new Case("如何学习机器学习", "学习机器学习需要掌握线性代数和概率。", "我喜欢在周末去公园散步。"),
            new Case("上海的房价很高", "上海房价近年来持续走高。", "熊猫主要以竹子为食。"));

    @Test
    void similarTextsScoreHigherThanUnrelatedOnesInEnglishAndChinese() {
        for (Case c : LABELLED) {
            List<Embedding> v = model.embedAll(List.of(c.query(), c.similar(), c.unrelated()));
            double similar = Distance.cosine(v.get(0).vector(), v.get(1).vector());
            double unrelated = Distance.cosine(v.get(0).vector(), v.get(2).vector());
            assertThat(similar).as(c.query()).isGreaterThan(unrelated + 0.1);
        }
    }

    @Test
    void vectorsAreUnitLengthDeterministicAndOfTheConfiguredDimension() {
        HashingEmbeddingModel small = new HashingEmbeddingModel(64);
        float[] a = small.embed("Deterministic 向量").vector();
        float[] b = small.embed("Deterministic 向量").vector();
        assertThat(a).hasSize(64).containsExactly(b);
        double norm = 0;
        for (float x : a) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(small.embed("").vector()).containsOnly(0f);
    }
}
