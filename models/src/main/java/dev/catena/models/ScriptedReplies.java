package dev.catena.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The scripted replies of a fake model: handed out in order and, like LangChain's
 * {@code FakeListLLM}, starting over after the last. Also cuts text into stream chunks.
 */
final class ScriptedReplies<T> {

    // A chunk ends after whitespace or after a CJK character or CJK punctuation, so streamed chunks look like tokens.
    private static final Pattern CHUNK_END = Pattern.compile("(?<=\\s)(?=\\S)|(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}])");

    private final List<T> replies;
    private final AtomicInteger next = new AtomicInteger();

    ScriptedReplies(List<T> replies) {
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("a fake model needs at least one scripted reply");
        }
        this.replies = List.copyOf(replies);
    }

    T next() {
        return replies.get(Math.floorMod(next.getAndIncrement(), replies.size()));
    }

    static List<String> chunks(String text) {
        if (text.isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        for (String piece : CHUNK_END.split(text)) {
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out;
    }
}
