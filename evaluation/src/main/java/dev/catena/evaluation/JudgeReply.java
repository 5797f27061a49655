package dev.catena.evaluation;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A judge's reply read strictly: its last non-blank line must be {@code <label>: <value>}, and a
 * reasoning line ({@code Reasoning:} or the language's label) must come before it; the reasoning is
 * everything from that label up to the last line. Anything else is an {@link EvaluationException}
 * quoting the reply, so an unreadable verdict is a recorded failure and never a pass.
 *
 * @param reasoning the judge's reasoning
 * @param value the text after the last line's label
 */
record JudgeReply(String reasoning, String value) {

    static JudgeReply parse(String reply, JudgeLanguage language, String label) {
        List<String> lines = reply == null ? List.of() : reply.strip().lines().toList();
        if (lines.isEmpty()) {
            throw new EvaluationException("the judge replied with nothing; expected a \"" + label + ":\" line last");
        }
        Matcher last = language.lastLine(label).matcher(lines.get(lines.size() - 1));
        if (!last.matches() || last.group(1).isEmpty()) {
            throw new EvaluationException("the judge's reply does not end with a \"" + label + ": ...\" line: "
                    + abbreviate(reply));
        }
        for (int i = lines.size() - 2; i >= 0; i--) {
            Matcher reasoning = language.lastLine(language.reasoningLabel()).matcher(lines.get(i));
            if (reasoning.matches()) {
                StringBuilder text = new StringBuilder(reasoning.group(1));
                for (int j = i + 1; j < lines.size() - 1; j++) {
                    text.append('\n').append(lines.get(j));
                }
                String out = text.toString().strip();
                if (out.isEmpty()) {
                    break;
                }
                return new JudgeReply(out, last.group(1).replaceAll("[*\\[\\]。.]", "").strip());
            }
        }
        throw new EvaluationException("the judge's reply gives no \"" + language.reasoningLabel()
                + ":\" before its \"" + label + ":\" line: " + abbreviate(reply));
    }

    private static String abbreviate(String reply) {
        String flat = reply.strip();
        return '"' + (flat.length() > 300 ? flat.substring(0, 297) + "..." : flat) + '"';
    }
}
