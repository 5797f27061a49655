package dev.catena.retrieval.splitters;

import dev.catena.core.TokenCounter;
import java.util.Objects;

/** Token length through a {@link TokenCounter}; stops encoding once a piece is known to be too long. */
final class TokenLength implements LengthFunction {

    private final TokenCounter counter;

    TokenLength(TokenCounter counter) {
        this.counter = Objects.requireNonNull(counter, "token counter");
    }

    @Override
    public int length(String text, int from, int to) {
        return counter.count(text.substring(from, to));
    }

    @Override
    public int lengthBelow(String text, int from, int to, int limit) {
        return counter.countUpTo(text.substring(from, to), limit);
    }
}
