package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every message carries besides its content, as LangChain stores it: a name, an id,
 * {@code additional_kwargs} and {@code response_metadata}. Kept in one place so each message type
 * holds, reads and compares them the same way; absent name and id are read as empty.
 */
abstract class MessageFields {

    final String name;
    final String id;
    final Map<String, Object> additionalKwargs;
    final Map<String, Object> responseMetadata;

    MessageFields(String name, String id, Map<String, Object> additionalKwargs, Map<String, Object> responseMetadata) {
        this.name = name;
        this.id = id;
        this.additionalKwargs = JsonFields.copy(additionalKwargs);
        this.responseMetadata = JsonFields.copy(responseMetadata);
    }

    /** {@return the participant name, or empty when there is none} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@return the message's id (LangChain's {@code id}), or empty when there is none} */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** {@return LangChain's {@code additional_kwargs} as read; empty when none} */
    public Map<String, Object> additionalKwargs() {
        return additionalKwargs;
    }

    /** {@return LangChain's {@code response_metadata} as read; empty when none} */
    public Map<String, Object> responseMetadata() {
        return responseMetadata;
    }

    /** Whether {@code other} has the same name, id and LangChain maps. */
    final boolean sameFields(MessageFields other) {
        return Objects.equals(name, other.name) && Objects.equals(id, other.id)
                && additionalKwargs.equals(other.additionalKwargs) && responseMetadata.equals(other.responseMetadata);
    }
}
