package dev.catena.agents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ReAct reply by the rules of LangChain's MRKL output parser:
 * <ul>
 *   <li>{@code Action: …} followed by {@code Action Input: …} is an action (the numbered forms
 *       {@code Action 1:} are accepted too); the input is trimmed of spaces and of surrounding
 *       quotes, except a query starting {@code SELECT } keeps its quotes;</li>
 *   <li>{@code Final Answer: …} without an action is the answer: the text after the last
 *       {@code Final Answer:}, trimmed;</li>
 *   <li>both present: a final answer written before the action wins (the action is taken for the
 *       model running on), and the answer ends at the first blank line after it; an action before
 *       the final answer is an error;</li>
 *   <li>a reply with neither is an error saying {@code Action:} is missing; an action without its
 *       input an error saying {@code Action Input:} is missing.</li>
 * </ul>
 * One difference, because a request cannot carry LangChain's stop sequence {@code "\nObservation:"}:
 * an action input ends where the model goes on to write its own {@code Observation:} line, which is
 * dropped (LangChain's model would have been stopped there).
 */
public final class ReActOutputParser {

    /** The marker of a final answer. */
    public static final String FINAL_ANSWER = "Final Answer:";
    /** LangChain's message for a reply with neither an action nor a final answer. */
    public static final String MISSING_ACTION = "Invalid Format: Missing 'Action:' after 'Thought:'";
    /** LangChain's message for an action without its input. */
    public static final String MISSING_ACTION_INPUT = "Invalid Format: Missing 'Action Input:' after 'Action:'";
    /** LangChain's message for an action followed by a final answer. */
    public static final String FINAL_ANSWER_AND_ACTION =
            "Parsing LLM output produced both a final answer and a parse-able action:";

    private static final Pattern ACTION = Pattern.compile(
            "Action\\s*\\d*\\s*:[\\s]*(.*?)[\\s]*Action\\s*\\d*\\s*Input\\s*\\d*\\s*:[\\s]*(.*)", Pattern.DOTALL);
    private static final Pattern ACTION_ONLY = Pattern.compile("Action\\s*\\d*\\s*:[\\s]*(.*?)", Pattern.DOTALL);
    private static final Pattern OWN_OBSERVATION = Pattern.compile("\\n\\s*Observation\\s*:");

    /** A parser; it keeps no state. */
    public ReActOutputParser() {
    }

    /** What a well-formed reply says. */
    public sealed interface Reply {
    }

    /**
     * Call a tool.
     *
     * @param tool the tool's name
     * @param input the action input, as the model wrote it
     */
    public record Action(String tool, String input) implements Reply {
    }

    /**
     * The final answer.
     *
     * @param output the answer
     */
    public record Answer(String output) implements Reply {
    }

    /**
     * Reads one reply.
     *
     * @param text the model's reply
     * @return the action or the answer
     * @throws ReActFormatException when the reply has neither, lacks the action input, or has an
     *     action before a final answer
     */
    public Reply parse(String text) {
        boolean includesAnswer = text.contains(FINAL_ANSWER);
        Matcher action = ACTION.matcher(text);
        boolean hasAction = action.find();
        if (hasAction && includesAnswer) {
            if (text.indexOf(FINAL_ANSWER) < action.start()) {
                int start = text.indexOf(FINAL_ANSWER) + FINAL_ANSWER.length();
                int end = text.indexOf("\n\n", start);
                return new Answer((end < 0 ? text.substring(start) : text.substring(start, end)).strip());
            }
            throw new ReActFormatException(FINAL_ANSWER_AND_ACTION + " " + text, text);
        }
        if (hasAction) {
            String tool = action.group(1).strip();
            String input = action.group(2);
            Matcher own = OWN_OBSERVATION.matcher(input);
            if (own.find()) {
                input = input.substring(0, own.start());
            }
            input = input.strip();
            if (!input.startsWith("SELECT ")) {
                input = stripQuotes(input);
            }
            return new Action(tool, input);
        }
        if (includesAnswer) {
            String[] parts = text.split(Pattern.quote(FINAL_ANSWER), -1);
            return new Answer(parts[parts.length - 1].strip());
        }
        if (!ACTION_ONLY.matcher(text).find()) {
            throw new ReActFormatException(MISSING_ACTION, text);
        }
        throw new ReActFormatException(MISSING_ACTION_INPUT, text);
    }

    private static String stripQuotes(String input) {
        int start = 0;
        int end = input.length();
        while (start < end && input.charAt(start) == '"') {
            start++;
        }
        while (end > start && input.charAt(end - 1) == '"') {
            end--;
        }
        return input.substring(start, end);
    }
}
