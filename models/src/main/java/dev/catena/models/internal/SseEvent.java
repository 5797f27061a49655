package dev.catena.models.internal;

/**
 * One server-sent event: its type ({@code event:} field, "message" when absent) and its data
 * (the {@code data:} lines joined with {@code \n}).
 */
public record SseEvent(String type, String data) {
}
