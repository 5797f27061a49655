package dev.catena.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The scripted replies of a fake model: handed out in order and, like LangChain's
 * {@code FakeListLLM}, starting over after the last. Also streams a reply chunk by chunk.
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

    /** Makes the chunk for one piece of a reply's text; {@code last} is true for the final piece. */
    interface ChunkMaker<R, C> {
        C chunk(R reply, String piece, boolean last);
    }

    /**
     * A lazy stream of a reply's chunks: the reply is taken (from the script) on the first pull, and
     * each chunk is made when it is pulled, so a consumer that stops early leaves the rest unmade.
     */
    static <R, C> Stream<C> stream(Supplier<R> reply, Function<R, String> text, ChunkMaker<R, C> maker) {
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<C>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private R whole;
            private List<String> pieces;
            private int next;

            @Override
            public boolean tryAdvance(Consumer<? super C> action) {
                if (whole == null) {
                    whole = reply.get();
                    pieces = chunks(text.apply(whole));
                }
                if (next == pieces.size()) {
                    return false;
                }
                String piece = pieces.get(next++);
                action.accept(maker.chunk(whole, piece, next == pieces.size()));
                return true;
            }
        }, false);
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
