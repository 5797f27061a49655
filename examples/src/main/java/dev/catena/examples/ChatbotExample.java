package dev.catena.examples;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.memory.ChatMemory;
import dev.catena.memory.JdbcChatMessageHistory;
import dev.catena.memory.TokenBufferMemory;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.MessagesPlaceholder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A console chatbot that remembers: every turn is stored in a SQLite file, and a chat prompt
 * template holds a system message, a history placeholder filled with the newest messages that fit
 * a 1,000-token budget (token-buffer memory), then the new question. Stop it and start it again with the same database: the conversation
 * continues. Type {@code exit} (or end the input) to quit.
 *
 * <p>Runs offline: the "model" here is a stand-in that says what it can see of the conversation.
 * Swap in a real {@code ChatModel} from {@code dev.catena.models} to talk to an LLM.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ChatbotExample
 * }</pre>
 * Add {@code -Dexec.args=chat.db} to choose the database file (default {@code catena-chat.db}).
 */
public final class ChatbotExample {

    private static final String SESSION = "console";

    /** Instructions, then the remembered history, then the new question. */
    private static final ChatPromptTemplate PROMPT = ChatPromptTemplate.fromMessages(
            MessageTemplate.system("You are a friendly assistant. Answer in one sentence."),
            MessagesPlaceholder.optional("history"),
            MessageTemplate.user("{question}"));

    public static void main(String[] args) throws IOException {
        Path database = Path.of(args.length > 0 ? args[0] : "catena-chat.db");
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.of("jdbc:sqlite:" + database);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            ChatMemory memory = TokenBufferMemory.builder(history).maxTokens(1000).build();
            ChatModel model = new RecallingModel();
            int earlier = history.messages(SESSION).size();
            System.out.println(earlier == 0 ? "New conversation (saved in " + database + ")."
                    : "Resuming a conversation of " + earlier + " messages from " + database + ".");
            for (String line; (line = prompt(in)) != null && !line.strip().equals("exit"); ) {
                if (line.isBlank()) {
                    continue;
                }
                List<ChatMessage> messages = PROMPT.formatMessages(
                        Map.of("history", memory.messages(SESSION), "question", line.strip()));
                AiMessage answer = model.chat(ChatRequest.of(messages));
                // Store the turn: the question as the prompt formatted it, and the answer.
                memory.add(SESSION, List.of(messages.get(messages.size() - 1), answer));
                System.out.println("AI: " + answer.text());
            }
            System.out.println("Bye. " + history.messages(SESSION).size() + " messages saved.");
        }
    }

    private static String prompt(BufferedReader in) throws IOException {
        System.out.print("You: ");
        System.out.flush();
        return in.readLine();
    }

    /** An offline stand-in for an LLM: it answers with what it can see of the conversation. */
    static final class RecallingModel implements ChatModel {
        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            List<ChatMessage> messages = request.messages();
            String question = messages.get(messages.size() - 1).text();
            String firstThing = messages.stream().filter(m -> m instanceof UserMessage).findFirst()
                    .map(ChatMessage::text).orElse(question);
            int remembered = messages.size() - 2; // minus the system message and the question
            return AiMessage.of(remembered == 0
                    ? "Nice to meet you! You said: \"" + question + "\"."
                    : "I remember " + remembered + " earlier messages; the first thing you told me was \"" + firstThing + "\".");
        }
    }
}
