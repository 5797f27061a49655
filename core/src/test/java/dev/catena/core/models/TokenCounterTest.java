package dev.catena.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected numbers come from OpenAI's cookbook "How to count tokens with tiktoken" and from
 * tiktoken's own tests, not from running this code.
 */
class TokenCounterTest {

    /** The cookbook's example conversation (section 6), whose prompt tokens the OpenAI API reported. */
    static final List<ChatMessage> COOKBOOK_MESSAGES = List.of(
            new SystemMessage("You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
            new SystemMessage("New synergies will help drive top-line growth.", "example_user"),
            new SystemMessage("Things working well together will increase revenue.", "example_assistant"),
            new SystemMessage("Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.", "example_user"),
            new SystemMessage("Let's talk later when we're less busy about how to do better.", "example_assistant"),
            ChatMessage.user("This late pivot means we don't have time to boil the ocean for the client deliverable."));

    @Test
    void countsTheCookbookTextExample() {
        TokenCounter cl100k = TokenCounter.of("cl100k_base");
        assertThat(cl100k.count("tiktoken is great!")).isEqualTo(6);
        assertThat(cl100k.encode("tiktoken is great!")).containsExactly(83, 1609, 5963, 374, 2294, 0);
        assertThat(cl100k.decode(new int[] {83, 1609, 5963, 374, 2294, 0}, 0, 6)).isEqualTo("tiktoken is great!");
    }

    @ParameterizedTest
    @CsvSource({
            "cl100k_base, antidisestablishmentarianism, 6",
            "p50k_base, antidisestablishmentarianism, 5",
            "r50k_base, antidisestablishmentarianism, 5",
            "cl100k_base, 2 + 2 = 4, 7",
            "p50k_base, 2 + 2 = 4, 5",
            "cl100k_base, お誕生日おめでとう, 9",
            "o200k_base, お誕生日おめでとう, 8",
            "p50k_base, お誕生日おめでとう, 14",
    })
    void countsTheCookbookEncodingComparisons(String encoding, String text, int expected) {
        assertThat(TokenCounter.of(encoding).count(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"gpt-3.5-turbo, 129", "gpt-4-0613, 129", "gpt-4, 129", "gpt-4o, 124", "gpt-4o-mini, 124"})
    void countsTheCookbookMessageListAsTheOpenAiApiDid(String model, int promptTokens) {
        assertThat(TokenCounter.forModel(model).count(COOKBOOK_MESSAGES)).isEqualTo(promptTokens);
    }

    @Test
    void countsChineseTextAsTiktokenDoes() {
        // tiktoken's test_basic_offsets decodes this cl100k_base encoding into 17 token offsets
        String chinese = "我非常渴望与人工智能一起工作";
        TokenCounter cl100k = TokenCounter.of("cl100k_base");
        int[] tokens = cl100k.encode(chinese);
        assertThat(cl100k.count(chinese)).isEqualTo(17).isEqualTo(tokens.length);
        assertThat(cl100k.decode(tokens, 0, tokens.length)).isEqualTo(chinese);
        TokenCounter o200k = TokenCounter.forModel("gpt-4o");
        int[] o200kTokens = o200k.encode(chinese);
        assertThat(o200k.decode(o200kTokens, 0, o200kTokens.length)).isEqualTo(chinese);
        assertThat(o200kTokens.length).as("o200k_base has more CJK tokens than cl100k_base").isLessThan(17);
    }

    @ParameterizedTest
    @CsvSource({
            "gpt-4o, o200k_base", "gpt-4o-mini-2024-07-18, o200k_base", "gpt-4.1-nano, o200k_base",
            "o1, o200k_base", "o3-mini, o200k_base", "o4-mini, o200k_base", "gpt-5, o200k_base",
            "openai/gpt-4o, o200k_base", "GPT-4O, o200k_base",
            "gpt-4, cl100k_base", "gpt-4-turbo, cl100k_base", "gpt-3.5-turbo-0125, cl100k_base",
            "text-embedding-3-small, cl100k_base", "text-embedding-ada-002, cl100k_base",
            "text-davinci-003, p50k_base", "llama3.1:8b, cl100k_base",
            "ft:gpt-4o-mini-2024-07-18:acme::abc123, o200k_base", "ft:gpt-3.5-turbo-0125:acme::x, cl100k_base",
            "davinci-002, cl100k_base", "babbage-002, cl100k_base", "text-davinci-001, r50k_base",
    })
    void picksTheEncodingFromTheModelName(String model, String encoding) {
        assertThat(TokenCounter.forModel(model).encodingName()).isEqualTo(encoding);
    }

    @Test
    void anEncodingCanBeChosenExplicitlyAndUnknownOnesAreRejected() {
        assertThat(TokenCounter.of("p50k_base").encodingName()).isEqualTo("p50k_base");
        assertThat(TokenCounter.of("o200k_base")).isSameAs(TokenCounter.forModel("gpt-4o"));
        assertThatThrownBy(() -> TokenCounter.of("gpt-4o"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown encoding 'gpt-4o'");
    }

    @Test
    void aChatRoleMessageCostsItsOwnRoleName() {
        TokenCounter counter = TokenCounter.of("cl100k_base");
        int role = counter.count("fact_checker_bot");
        assertThat(role).isGreaterThan(1);
        // 3 framing + the role as sent + "tiktoken is great!" (6)
        assertThat(counter.count(ChatMessage.chat("fact_checker_bot", "tiktoken is great!"))).isEqualTo(3 + role + 6);
    }

    @Test
    void aMessageCostsItsFramingRoleAndContent() {
        TokenCounter counter = TokenCounter.of("cl100k_base");
        // 3 framing + "user" (1) + "tiktoken is great!" (6)
        assertThat(counter.count(ChatMessage.user("tiktoken is great!"))).isEqualTo(10);
        assertThat(counter.count(List.of(ChatMessage.user("tiktoken is great!")))).isEqualTo(13);
        assertThat(counter.count(List.of())).isEqualTo(TokenCounter.REPLY_PRIMING_TOKENS);
        assertThat(counter.count("")).isZero();
    }

    @Test
    void aMessageIsTokenizedOnceAndRemembered() {
        TokenCounter counter = TokenCounter.of("r50k_base"); // a counter no other test uses
        ChatMessage question = ChatMessage.user("How many tokens is this question, exactly?");
        long before = counter.messagesTokenized();

        int first = counter.count(question);
        int again = counter.count(ChatMessage.user("How many tokens is this question, exactly?")); // equal, not same
        counter.count(List.of(question, question, question));

        assertThat(again).isEqualTo(first);
        assertThat(counter.messagesTokenized() - before).isEqualTo(1);
        counter.count(ChatMessage.user("a new message"));
        assertThat(counter.messagesTokenized() - before).isEqualTo(2);
    }

    @Test
    void aOneMegabyteStringIsCountedWithoutHoldingCopiesOfIt() throws InterruptedException {
        TokenCounter counter = TokenCounter.forModel("gpt-4o");
        String unit = "The quick brown fox jumps over the lazy dog. 天道酬勤，自强不息。 ";
        String big = unit.repeat(1_000_000 / unit.length() + 1).substring(0, 1_000_000); // 2 MB as UTF-16
        String small = big.substring(0, 10_000);
        int[] sink = new int[1];

        long heldForSmall = HeapWatch.heldBytes(() -> sink[0] += counter.count(small));
        long heldForBig = HeapWatch.heldBytes(() -> sink[0] += counter.count(big));

        // The counter walks the text in place; what it keeps alive must not grow with the text by
        // more than a couple of copies of it (2 MB each), over the same measurement for a small text.
        assertThat(heldForBig - heldForSmall).isLessThan(2L * big.length() * 2);
        assertThat(counter.count(big)).isEqualTo(counter.encode(big).length);
    }
}
