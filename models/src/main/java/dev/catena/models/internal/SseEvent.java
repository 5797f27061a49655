package dev.catena.models.internal;

/**
 * One server-sent event: its type ({@code event:} field, "message" when absent or empty), its data
 * (the {@code data:} lines joined with {@code \n}) and the stream's last event id at the time
 * ({@code id:} field; empty when none was sent).
 */
public record SseEvent(String type, String data, String lastEventId) {

    /** An event with no last event id. */
    public SseEvent(String type, String data) {
        this(type, data, "");
    }
}
