/**
 * Chat messages and what travels on them: {@link dev.catena.core.messages.ChatMessage} and its
 * kinds, content parts, tool calls and token usage. Immutable values, one JSON form for all.
 *
 * <h2>Absent values</h2>
 * One rule holds for every type of this package:
 * <ul>
 *   <li>A value a message may lack (a provider's usage or finish reason, reasoning, content blocks,
 *       an id or name, …) is read through an accessor returning {@link java.util.Optional}: empty when
 *       absent, never null.</li>
 *   <li>Text, lists and maps are never null and never optional: they are empty when there is
 *       nothing.</li>
 *   <li>Constructors mirror the wire form field by field and take null for "absent", so a reader
 *       can pass what it read.</li>
 *   <li>A method that sets one value ({@code withUsage}, {@code withFinishReason}, …) refuses null with a
 *       {@link java.lang.NullPointerException} naming its {@code withoutX} companion, which is how a
 *       value is cleared.</li>
 *   <li>Absent stays absent: a message read from LangChain's or OpenAI's JSON form without a value is
 *       written back without it, and a value that was present is written back as it was read.</li>
 * </ul>
 */
package dev.catena.core.messages;
