package dev.catena.prompts;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a chat prompt whose text is a {@link PromptTemplate}: LangChain's
 * {@code SystemMessagePromptTemplate}, {@code HumanMessagePromptTemplate} and
 * {@code AIMessagePromptTemplate}, LangChain's {@code ChatMessagePromptTemplate} (any other role, which
 * formats to a {@link ChatRoleMessage}), or the {@code ("system", "…")} tuples of {@code from_messages}.
 *
 * @param role     who speaks (system, user, ai, or chat for a role of its own)
 * @param template the message text
 * @param speaker  the role's name for a {@link ChatMessage.Role#CHAT} template, else null
 */
public record MessageTemplate(ChatMessage.Role role, PromptTemplate template, String speaker) implements MessagePart {

    /**
     * Requires the role and the template, and a role name exactly when the role is chat; tool and
     * function messages cannot be templated.
     *
     * @param role     who speaks (system, user, ai, or chat for a role of its own)
     * @param template the message text
     * @param speaker  the role's name for a {@link ChatMessage.Role#CHAT} template, else null
     */
    public MessageTemplate {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(template, "template");
        if (role == ChatMessage.Role.TOOL || role == ChatMessage.Role.FUNCTION) {
            throw new IllegalArgumentException(role.langChainType()
                    + " messages cannot be templated; use system, user, ai or a role name");
        }
        if (role == ChatMessage.Role.CHAT && (speaker == null || speaker.isBlank())) {
            throw new IllegalArgumentException("a chat message template needs a role name; use MessageTemplate.of(role, template)");
        }
        if (role != ChatMessage.Role.CHAT && speaker != null) {
            throw new IllegalArgumentException("only a chat message template has a role name; " + role
                    + " templates take none");
        }
    }

    /**
     * A system, user or AI message template.
     *
     * @param role     who speaks (system, user or ai)
     * @param template the message text
     */
    public MessageTemplate(ChatMessage.Role role, PromptTemplate template) {
        this(role, template, null);
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
     * {@code "user"}, {@code "ai"} or {@code "assistant"}; any other name is a role of its own, formatted
     * to a {@link ChatRoleMessage} (LangChain's {@code ChatMessagePromptTemplate})}
     *
     * @param role the LangChain role name
     * @param template the message text
     * @param format the template's syntax
     */
    public static MessageTemplate of(String role, String template, TemplateFormat format) {
        Objects.requireNonNull(role, "role");
        ChatMessage.Role r = switch (role.toLowerCase(Locale.ROOT)) {
            case "system" -> ChatMessage.Role.SYSTEM;
            case "human", "user" -> ChatMessage.Role.USER;
            case "ai", "assistant" -> ChatMessage.Role.AI;
            case "tool", "function" -> throw new PromptFormatException("a " + role
                    + " message cannot be templated; use system, human/user, ai/assistant or a role name"
                    + " (or a MessagesPlaceholder)", -1);
            default -> {
                if (role.isBlank()) {
                    throw new PromptFormatException("blank message role; use system, human/user, ai/assistant or"
                            + " a role name", -1);
                }
                yield ChatMessage.Role.CHAT;
            }
        };
        return new MessageTemplate(r, PromptTemplate.fromTemplate(template, format),
                r == ChatMessage.Role.CHAT ? role : null);
    }

    /**
     * {@return as {@link #of(String, String, TemplateFormat)} in f-string syntax}
     *
     * @param role the LangChain role name, or a role of its own such as {@code "critic"}
     * @param template the message text
     */
    public static MessageTemplate of(String role, String template) {
        return of(role, template, TemplateFormat.F_STRING);
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
            case CHAT -> new ChatRoleMessage(speaker, text);
            case TOOL, FUNCTION -> throw new IllegalStateException("the constructor refuses " + role + " templates");
        });
    }
}
