package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.ChatMessage;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryMemoryTest {

    private final InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();

    private static String prompt(FakeChatModel model, int call) {
        return model.requests().get(call).messages().get(0).text();
    }

    @Test
    void foldsOnlyNewMessagesIntoTheRunningSummary() {
        FakeChatModel model = FakeChatModel.of("Alice introduced herself.", "Alice introduced herself and likes tea.");
        SummaryMemory memory = SummaryMemory.builder(history, model).build();
        memory.add("s", List.of(ChatMessage.user("Hi, I'm Alice"), ChatMessage.ai("Hello Alice!")));

        assertThat(memory.messages("s")).containsExactly(ChatMessage.system("Alice introduced herself."));
        assertThat(prompt(model, 0)).contains("Summary so far:\n\n").contains("New lines:\nHuman: Hi, I'm Alice\nAI: Hello Alice!");

        assertThat(memory.messages("s")).hasSize(1);
        assertThat(model.requests()).as("nothing new, no call").hasSize(1);

        memory.add("s", List.of(ChatMessage.user("I like tea"), ChatMessage.ai("Noted.")));
        assertThat(memory.bufferString("s")).isEqualTo("System: Alice introduced herself and likes tea.");
        assertThat(prompt(model, 1)).contains("Summary so far:\nAlice introduced herself.")
                .contains("New lines:\nHuman: I like tea\nAI: Noted.").doesNotContain("Hello Alice!");
    }

    @Test
    void aNewProcessRebuildsTheSummaryFromTheHistoryWithOneCall() {
        history.add("s", List.of(ChatMessage.user("one"), ChatMessage.ai("two"), ChatMessage.user("three")));
        FakeChatModel model = FakeChatModel.of("summary of three messages");
        SummaryMemory restarted = SummaryMemory.builder(history, model).build();
        assertThat(restarted.messages("s")).containsExactly(ChatMessage.system("summary of three messages"));
        assertThat(model.requests()).hasSize(1);
        assertThat(prompt(model, 0)).contains("Human: one\nAI: two\nHuman: three");
    }

    @Test
    void thePromptAndPrefixesCanBeOverridden() {
        FakeChatModel model = FakeChatModel.of("Résumé.");
        SummaryMemory memory = SummaryMemory.builder(history, model)
                .prompt(PromptTemplate.fromTemplate("Résume en français.\nAvant : {summary}\nNouveau :\n{new_lines}"))
                .prefixes("Utilisateur", "Assistant")
                .build();
        memory.add("s", List.of(ChatMessage.user("bonjour {summary}"), ChatMessage.ai("salut")));
        memory.messages("s");
        assertThat(prompt(model, 0)).isEqualTo("Résume en français.\nAvant : \nNouveau :\nUtilisateur: bonjour {summary}\nAssistant: salut");
        assertThat(SummaryMemory.DEFAULT_PROMPT.inputVariables()).containsExactlyInAnyOrder("summary", "new_lines");
        assertThatThrownBy(() -> SummaryMemory.builder(history, model).prompt(PromptTemplate.fromTemplate("Summarise {text}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{new_lines}");
    }

    @Test
    void theSummarisingCallIsTracedUnderTheCallersRun() {
        FakeChatModel model = FakeChatModel.of("short summary");
        SummaryMemory memory = SummaryMemory.builder(history, model).build();
        memory.add("s", ChatMessage.user("hello"));
        RecordingCallbacks callbacks = new RecordingCallbacks();
        memory.messages("s", RunConfig.builder().callbacks(callbacks).build());
        assertThat(callbacks.started).extracting(RunInfo::name).containsExactly("ConversationSummarizer", "PromptTemplate", "FakeChatModel");
        RunInfo summarizer = callbacks.started.get(0);
        assertThat(callbacks.started.get(1).parentRunId()).contains(summarizer.runId());
        assertThat(callbacks.started.get(2).parentRunId()).contains(summarizer.runId());
        assertThat(summarizer.kind()).isEqualTo("memory");
    }

    @Test
    void pinnedSystemMessagesAreNotSummarised() {
        FakeChatModel model = FakeChatModel.of("They greeted.");
        SummaryMemory memory = SummaryMemory.builder(history, model).pinSystemMessages(true).build();
        memory.add("s", List.of(ChatMessage.system("Answer in haiku."), ChatMessage.user("hi"), ChatMessage.ai("hello")));
        assertThat(memory.messages("s")).containsExactly(ChatMessage.system("Answer in haiku."), ChatMessage.system("They greeted."));
        assertThat(prompt(model, 0)).doesNotContain("haiku");
    }
}
