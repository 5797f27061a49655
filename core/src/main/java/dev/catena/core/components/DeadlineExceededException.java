package dev.catena.core.components;

import dev.catena.core.CatenaException;
import java.time.Instant;

/** Thrown when a run starts, or would wait, after the deadline set in its {@link RunConfig}. */
public class DeadlineExceededException extends CatenaException {

    private final Instant deadline;

    public DeadlineExceededException(String what, Instant deadline) {
        super(what + " passed the run deadline " + deadline
                + "; raise RunConfig.timeout/deadline or make the work smaller");
        this.deadline = deadline;
    }

    /** The deadline that was passed. */
    public Instant deadline() {
        return deadline;
    }
}
