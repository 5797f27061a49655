package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.models.anthropic.AnthropicChatModel;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiLanguageModel;
import org.junit.jupiter.api.Test;

/** Option setters of the model clients' builders refuse null instead of reading it as "unset". */
class BuilderOptionsTest {

    @Test
    void stopSequencesRefuseANullArrayAndSaySendNoneWithNoArguments() {
        assertThatThrownBy(() -> OpenAiChatModel.builder().stop((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stop()");
        assertThatThrownBy(() -> OpenAiLanguageModel.builder().stop((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stop()");
        assertThatThrownBy(() -> AnthropicChatModel.builder().stop((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stop()");
    }

    @Test
    void aNullStopSequenceIsNamedByItsPosition() {
        assertThatThrownBy(() -> OpenAiChatModel.builder().stop("\n", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stop sequence 1 is null");
        assertThatThrownBy(() -> AnthropicChatModel.builder().stop(null, "END"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stop sequence 0 is null");
    }

    @Test
    void noStopSequencesIsAllowed() {
        assertThatCode(() -> OpenAiChatModel.builder().stop()).doesNotThrowAnyException();
    }

    @Test
    void otherOptionSettersRefuseNullNamingTheOption() {
        assertThatThrownBy(() -> OpenAiChatModel.builder().user(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("user");
        assertThatThrownBy(() -> OpenAiChatModel.builder().rateLimiter(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("noRateLimiter()");
        assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("baseUrl");
    }
}
