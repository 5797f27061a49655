package dev.catena.core.components;

import dev.catena.core.CatenaException;
import java.time.Instant;

/** Thrown when a run starts, or would wait, after the deadline set in its {@link RunConfig}. */
public class DeadlineExceededException extends CatenaException {

    /** The deadline that was passed, for {@link #deadline()}. */
    private final Instant deadline;

    /**
     * The run's deadline passed; the message says what was running and how to give it more time.
     *
     * @param what the work that ran out of time, e.g. "the call to gpt-4o"
     * @param deadline the deadline that was passed
     */
    public DeadlineExceededException(String what, Instant deadline) {
        super(what + " passed the run deadline " + deadline
                + "; raise RunConfig.timeout/deadline or make the work smaller");
        this.deadline = deadline;
    }

    /** {@return the deadline that was passed} */
    public Instant deadline() {
        return deadline;
    }
}
