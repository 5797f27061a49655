package dev.catena.core.json;

/**
 * A malformed field found while streaming a message, named relative to the value being read
 * ({@code ""} for the value itself). Readers prefix the path as the error travels outwards and the
 * outermost reader turns it into a {@link MessageJsonException} with the message's own path, so a
 * field's path is only built when something is wrong.
 *
 * <p>Readers also keep these as values: a field read before the fields it depends on (say
 * {@code tool_calls} before {@code role}) keeps its error until the message is complete, so the
 * error reported is the one the checks in their documented order meet first, whatever the field order.
 */
final class FieldError extends RuntimeException {

    private final String field;
    private final String problem;

    FieldError(String field, String problem) {
        super(problem, null, false, false); // control flow between readers: no stack trace needed
        this.field = field;
        this.problem = problem;
    }

    /** The same error seen from the value that holds this one under {@code name} (a field or {@code [i]}). */
    FieldError under(String name) {
        return new FieldError(join(name, field), problem);
    }

    /** The error as thrown to callers, for the value at {@code path}. */
    MessageJsonException at(String path) {
        return new MessageJsonException(join(path, field), problem);
    }

    private static String join(String parent, String child) {
        if (child.isEmpty()) {
            return parent;
        }
        return child.charAt(0) == '[' ? parent + child : parent + "." + child;
    }
}
