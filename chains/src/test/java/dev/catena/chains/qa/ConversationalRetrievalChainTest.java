package dev.catena.chains.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.chains.RecordingTracer;
import dev.catena.chains.qa.ConversationalRetrievalChain.Condense;
import dev.catena.chains.qa.ConversationalRetrievalChain.Question;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.memory.BufferMemory;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConversationalRetrievalChainTest {

    private static final String STANDALONE = "How does a retriever differ from a vector store?";

    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final Retriever retriever = new Retriever() {
        @Override
        public List<Document> call(String query, RunConfig config) {
            queries.add(query);
            return List.of(Document.of("A retriever returns documents for a query; a vector store is one way to find them."));
        }

        @Override
        public String name() {
            return "RecordingRetriever";
        }
    };

    /** Rewrites on the condense prompt, answers with the question it was given otherwise. */
    private final RetrievalQaChainTest.PromptFunctionModel model = new RetrievalQaChainTest.PromptFunctionModel(prompt ->
            prompt.startsWith("Given the following conversation") ? "  " + STANDALONE + "\n"
                    : "answer to: " + prompt.replaceAll("(?s).*Question: (.*?)\n.*", "$1"));

    private ConversationalRetrievalChain chain(Condense condense, Question retrieveWith, Question answerWith) {
        return ConversationalRetrievalChain.builder(retriever, model, new BufferMemory(new InMemoryChatMessageHistory()))
                .condense(condense).retrieveWith(retrieveWith).answerWith(answerWith).build();
    }

    @Test
    void withHistoryLeavesTheFirstQuestionAloneAndRewritesTheFollowUpVisibly() {
        ConversationalRetrievalChain chat = chain(Condense.WITH_HISTORY, Question.REWRITTEN, Question.REWRITTEN);
        RecordingTracer tracer = new RecordingTracer();
        RunConfig config = RunConfig.builder().callbacks(tracer).build();

        QaResult first = chat.ask("alice", "What is a retriever?", config);
        assertThat(first.rewrittenQuestion()).isNull();
        assertThat(tracer.endedNames()).doesNotContain("condense");

        QaResult second = chat.ask("alice", "And vs a vector store?", config);
        assertThat(second.rewrittenQuestion()).isEqualTo(STANDALONE);
        assertThat(second.answer()).isEqualTo("answer to: " + STANDALONE);
        assertThat(queries).containsExactly("What is a retriever?", STANDALONE);
        // The condense run shows the history it read and the question it wrote.
        assertThat(model.prompts.get(1)).contains("Human: What is a retriever?\nAI: answer to: What is a retriever?")
                .contains("Follow Up Input: And vs a vector store?");
        RecordingTracer.Ended condense = tracer.one("condense");
        assertThat(condense.output()).isEqualTo(Map.of("text", "  " + STANDALONE + "\n"));
        assertThat(tracer.parentName(condense.run())).isEqualTo("ConversationalRetrievalChain");
    }

    @Test
    void offNeverRewrites() {
        ConversationalRetrievalChain chat = chain(Condense.OFF, Question.REWRITTEN, Question.REWRITTEN);
        chat.ask("s", "What is a retriever?");
        QaResult second = chat.ask("s", "And vs a vector store?");
        assertThat(second.rewrittenQuestion()).isNull();
        assertThat(queries).containsExactly("What is a retriever?", "And vs a vector store?");
        assertThat(model.prompts).noneMatch(p -> p.startsWith("Given the following conversation"));
    }

    @Test
    void alwaysRewritesEvenTheFirstQuestion() {
        QaResult first = chain(Condense.ALWAYS, Question.REWRITTEN, Question.REWRITTEN).ask("s", "What is a retriever?");
        assertThat(first.rewrittenQuestion()).isEqualTo(STANDALONE);
        assertThat(queries).containsExactly(STANDALONE);
    }

    @Test
    void theRewrittenQuestionCanRetrieveWhileTheRawOneIsAnswered() {
        QaResult result = chain(Condense.ALWAYS, Question.REWRITTEN, Question.RAW).ask("s", "And vs a vector store?");
        assertThat(queries).containsExactly(STANDALONE);
        assertThat(result.answer()).isEqualTo("answer to: And vs a vector store?");

        queries.clear();
        QaResult other = chain(Condense.ALWAYS, Question.RAW, Question.REWRITTEN).ask("t", "And vs a vector store?");
        assertThat(queries).containsExactly("And vs a vector store?");
        assertThat(other.answer()).isEqualTo("answer to: " + STANDALONE);
    }

    @Test
    void theCondensePromptIsListedAndReplaceable() {
        PromptTemplate mine = PromptTemplate.fromTemplate("History:\n{chat_history}\nRewrite: {question}");
        ConversationalRetrievalChain chat = ConversationalRetrievalChain.builder(retriever, model,
                new BufferMemory(new InMemoryChatMessageHistory())).prompt("condense", mine).condense(Condense.ALWAYS).build();
        assertThat(chat.prompts()).containsEntry("condense", mine).containsKey("stuff");
        chat.ask("s", "q");
        assertThat(model.prompts.get(0)).isEqualTo("History:\n\nRewrite: q");
    }

    @Test
    void streamingSavesTheTurnOnceReadToTheEnd() {
        BufferMemory memory = new BufferMemory(new InMemoryChatMessageHistory());
        ConversationalRetrievalChain chat = ConversationalRetrievalChain.builder(retriever, model, memory).build();
        try (Stream<String> tokens = chat.streamAnswer("s", "What is a retriever?", RunConfig.defaults())) {
            assertThat(String.join("", tokens.toList())).isEqualTo("answer to: What is a retriever?");
        }
        assertThat(memory.messages("s")).hasSize(2);
    }
}
