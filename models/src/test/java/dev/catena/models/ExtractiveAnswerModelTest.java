package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.PromptValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerModelTest {

    private static final String ENGLISH = """
            Use the following pieces of context to answer the question at the end. If you don't know the answer, \
            just say that you don't know.

            # Retrievers
            A retriever returns the documents relevant to a query. Vector stores keep embeddings.
            Memory keeps the chat history of a session.

            Question: What does a retriever return?
            Helpful Answer:""";

    @Test
    void quotesTheContextSentencesClosestToTheQuestionNotTheInstructions() {
        ExtractiveAnswerModel model = new ExtractiveAnswerModel(1);
        assertThat(model.answer(ENGLISH)).isEqualTo("From the retrieved context: A retriever returns the documents relevant to a query.");
    }

    @Test
    void answersAChineseQuestionWithChineseSentences() {
        String prompt = """
                请根据以下已知内容回答最后的问题。

                已知内容：
                链是把多个组件组合在一起完成一个任务的序列。记忆负责保存对话历史。提示模板负责生成提示。

                问题：什么是链？
                回答：""";
        assertThat(new ExtractiveAnswerModel(1).answer(prompt)).isEqualTo("根据检索到的内容：链是把多个组件组合在一起完成一个任务的序列。");
    }

    @Test
    void saysSoWhenNothingInTheContextIsRelated() {
        String prompt = "Instructions.\n\nCats purr.\n\nQuestion: What is BM25?\nHelpful Answer:";
        assertThat(new ExtractiveAnswerModel().answer(prompt)).isEqualTo("The retrieved context has no sentence related to this question.");
    }

    @Test
    void streamsTheSameAnswerAndReportsUsageOnce() {
        ExtractiveAnswerModel model = new ExtractiveAnswerModel(1);
        List<TokenUsage> usages = new ArrayList<>();
        CallbackHandler usage = new CallbackHandler() {
            @Override
            public void onUsage(RunInfo run, TokenUsage value) {
                usages.add(value);
            }
        };
        String streamed = String.join("", model.stream(PromptValue.of(ENGLISH), RunConfig.builder().callbacks(usage).build())
                .map(m -> m.text()).toList());
        assertThat(streamed).isEqualTo(model.answer(ENGLISH));
        assertThat(usages).hasSize(1);
    }
}
