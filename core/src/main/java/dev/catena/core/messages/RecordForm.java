package dev.catena.core.messages;

import java.util.Map;

/**
 * The {@code Name[field=value, …]} text a record prints, for the message classes: they are final
 * classes rather than records so that their optional fields can be read as {@link java.util.Optional},
 * and print as the records they were, absent fields and empty maps left out.
 */
final class RecordForm {

    private final StringBuilder text;
    private boolean first = true;

    private RecordForm(String type) {
        this.text = new StringBuilder(type).append('[');
    }

    static RecordForm of(String type) {
        return new RecordForm(type);
    }

    RecordForm field(String name, Object value) {
        text.append(first ? "" : ", ").append(name).append('=').append(value);
        first = false;
        return this;
    }

    RecordForm optional(String name, Object value) {
        return value == null ? this : field(name, value);
    }

    RecordForm map(String name, Map<String, Object> value) {
        return value.isEmpty() ? this : field(name, value);
    }

    @Override
    public String toString() {
        return text + "]";
    }
}
