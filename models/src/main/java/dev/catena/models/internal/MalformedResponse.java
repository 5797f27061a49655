package dev.catena.models.internal;

/**
 * Thrown by the readers of a provider's answers when the answer does not have the shape the API
 * promises. It carries only what was wrong; {@link ModelHttp} and {@link OpenStream} turn it into
 * the public {@link dev.catena.models.InvalidResponseException}, adding the masked excerpt of the
 * answer, so no reader has to remember to mask the credentials an answer may echo.
 */
public final class MalformedResponse extends RuntimeException {

    /** @param reason what was wrong, e.g. "choices[0].message is a string, not an object" */
    public MalformedResponse(String reason) {
        super(reason, null, false, false);
    }
}
