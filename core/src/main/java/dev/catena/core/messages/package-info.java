/**
 * Chat messages and what travels on them: {@link dev.catena.core.messages.ChatMessage} and its four
 * kinds, content parts, tool calls and token usage. Immutable records, one JSON form for all.
 */
package dev.catena.core.messages;
