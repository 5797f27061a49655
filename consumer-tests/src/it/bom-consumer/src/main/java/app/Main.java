package app;

import dev.catena.core.components.Component;
import dev.catena.core.messages.ChatMessage;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.StringOutputParser;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import java.util.Map;

/** A consumer's program: a chain of prompt, offline model and parser; a chat history; a splitter. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Component<Map<String, Object>, String> chain = PromptTemplate.fromTemplate("Say {word}")
                .pipe(FakeChatModel.of("hello from a consumer"))
                .pipe(new StringOutputParser());
        String answer = chain.invoke(Map.of("word", "hello"));
        if (!answer.equals("hello from a consumer")) {
            throw new IllegalStateException("unexpected answer: " + answer);
        }
        System.out.println("consumer chain answered: " + answer);

        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        history.add("s1", ChatMessage.user("hi"));
        int chunks = RecursiveCharacterTextSplitter.builder().chunkSize(10).chunkOverlap(0).build()
                .splitText("one two three four five six").size();
        System.out.println("history holds " + history.messages("s1").size() + " message, splitter made " + chunks + " chunks");
    }
}
