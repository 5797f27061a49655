package dev.catena.memory;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt a summary memory sends its model to fold new lines of a conversation into the running
 * summary: a template with the placeholders {@code {summary}} (the summary so far, empty at first)
 * and {@code {new_lines}} (the new messages as a {@code Human: …\nAI: …} transcript), sent as one
 * user message. {@link #DEFAULT} is used unless you pass your own, e.g. to summarise in another
 * language or keep names and numbers.
 *
 * @param template the text, with both placeholders exactly once or more
 */
public record SummaryPrompt(String template) {

    /** The default template. */
    public static final SummaryPrompt DEFAULT = new SummaryPrompt("""
            You keep a running summary of a conversation. Below are the summary so far and the lines \
            spoken since. Write an updated summary that keeps what the summary so far says and adds what \
            the new lines tell. Reply with the summary only.

            Summary so far:
            {summary}

            New lines:
            {new_lines}

            Updated summary:""");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(summary|new_lines)\\}");

    public SummaryPrompt {
        Objects.requireNonNull(template, "summary prompt template");
        if (!template.contains("{summary}") || !template.contains("{new_lines}")) {
            throw new IllegalArgumentException("a summary prompt needs both {summary} and {new_lines} placeholders; got: "
                    + template);
        }
    }

    /** The prompt text for this summary and these new lines (filled in one pass, so braces in them stay as they are). */
    public String format(String summary, String newLines) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).equals("summary") ? summary : newLines));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
