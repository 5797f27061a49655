package dev.catena.prompts;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a chat prompt whose text is a {@link PromptTemplate}: LangChain's
 * {@code SystemMessagePromptTemplate}, {@code HumanMessagePromptTemplate} and
 * {@code AIMessagePromptTemplate}, or the {@code ("system", "…")} tuples of {@code from_messages}.
 *
 * @param role     who speaks (system, user or ai)
 * @param template the message text
 */
public record MessageTemplate(ChatMessage.Role role, PromptTemplate template) implements MessagePart {

    /**
     * Requires the role and the template; a tool message cannot be templated.
     *
     * @param role who speaks (system, user or ai)
     * @param template the message text
     */
    public MessageTemplate {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(template, "template");
        if (role == ChatMessage.Role.TOOL) {
            throw new IllegalArgumentException("tool messages cannot be templated; use system, user or ai");
        }
    }

    /**
     * {@return a system message template in f-string syntax}
     *
     * @param template the message text
     */
    public static MessageTemplate system(String template) {
        return new MessageTemplate(ChatMessage.Role.SYSTEM, PromptTemplate.fromTemplate(template));
    }

    /**
     * {@return a user message template in f-string syntax}
     *
     * @param template the message text
     */
    public static MessageTemplate user(String template) {
        return new MessageTemplate(ChatMessage.Role.USER, PromptTemplate.fromTemplate(template));
    }

    /**
     * {@return an AI message template in f-string syntax}
     *
     * @param template the message text
     */
    public static MessageTemplate ai(String template) {
        return new MessageTemplate(ChatMessage.Role.AI, PromptTemplate.fromTemplate(template));
    }

    /**
     * {@return a message template from a LangChain role name: {@code "system"}, {@code "human"} or
     * {@code "user"}, {@code "ai"} or {@code "assistant"}}
     *
     * @param role the LangChain role name
     * @param template the message text
     * @param format the template's syntax
     */
    public static MessageTemplate of(String role, String template, TemplateFormat format) {
        ChatMessage.Role r = switch (role.toLowerCase(Locale.ROOT)) {
            case "system" -> ChatMessage.Role.SYSTEM;
            case "human", "user" -> ChatMessage.Role.USER;
            case "ai", "assistant" -> ChatMessage.Role.AI;
            default -> throw new PromptFormatException("unknown message role '" + role
                    + "'; use system, human/user or ai/assistant (or a MessagesPlaceholder)", -1);
        };
        return new MessageTemplate(r, PromptTemplate.fromTemplate(template, format));
    }

    @Override
    public List<String> inputVariables() {
        return template.inputVariables();
    }

    @Override
    public List<ChatMessage> formatMessages(Map<String, ?> variables) {
        String text = template.format(variables);
        return List.of(switch (role) {
            case SYSTEM -> new SystemMessage(text);
            case USER -> UserMessage.of(text);
            case AI -> AiMessage.of(text);
            case TOOL -> throw new IllegalStateException("unreachable");
        });
    }
}
