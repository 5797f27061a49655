package dev.catena.evaluation;

import dev.catena.core.models.ChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * LLM-as-judge comparing two outputs for the same input. To cancel position bias, the pair is
 * judged twice, once in each order; a winner is declared only when both orders agree, otherwise
 * the result is a tie marked inconsistent. A reply whose verdict line is unreadable fails with
 * {@link EvaluationException}, never a silent tie.
 */
public final class PairwiseEvaluator {

    /** Which output won. */
    public enum Winner {
        /** The first output given to {@link #compare}. */
        FIRST,
        /** The second output. */
        SECOND,
        /** Neither, or the two orders disagreed. */
        TIE
    }

    /**
     * The outcome of one comparison.
     *
     * @param winner the winner, TIE when the orders disagree
     * @param consistent whether both orders gave the same answer
     * @param reasoningInOrder the judge's reasoning with the first output shown as A
     * @param reasoningSwapped the judge's reasoning with the second output shown as A
     */
    public record Result(Winner winner, boolean consistent, String reasoningInOrder, String reasoningSwapped) {
    }

    private final ChatModel judge;
    private final JudgeLanguage language;
    private final PromptTemplate prompt;

    /**
     * Creates a pairwise judge with the language's default prompt.
     *
     * @param judge the judge model
     * @param language the prompt's language and verdict labels
     */
    public PairwiseEvaluator(ChatModel judge, JudgeLanguage language) {
        this(judge, language, language.pairwisePrompt());
    }

    /**
     * Creates a pairwise judge with a prompt of its own (variables input, reference, first, second).
     *
     * @param judge the judge model
     * @param language the verdict labels the prompt asks for
     * @param prompt the prompt
     */
    public PairwiseEvaluator(ChatModel judge, JudgeLanguage language, PromptTemplate prompt) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.language = Objects.requireNonNull(language, "language");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** {@return the prompt the judge reads} */
    public PromptTemplate prompt() {
        return prompt;
    }

    /**
     * Judges the two outputs in both orders.
     *
     * @param input the input both answered
     * @param first one output
     * @param second the other
     * @param reference the expected output, or {@code null}
     * @return the outcome
     */
    public Result compare(String input, String first, String second, String reference) {
        JudgeReply inOrder = ask(input, first, second, reference);
        JudgeReply swapped = ask(input, second, first, reference);
        Winner a = winner(inOrder.value(), Winner.FIRST, Winner.SECOND);
        Winner b = winner(swapped.value(), Winner.SECOND, Winner.FIRST);
        boolean consistent = a == b;
        return new Result(consistent ? a : Winner.TIE, consistent, inOrder.reasoning(), swapped.reasoning());
    }

    private JudgeReply ask(String input, String a, String b, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        variables.put("reference", reference == null ? language.none() : reference);
        variables.put("first", a);
        variables.put("second", b);
        return JudgeReply.parse(judge.chat(prompt.format(variables)), language, language.verdictLabel());
    }

    private Winner winner(String verdict, Winner ifA, Winner ifB) {
        String v = verdict.strip().toUpperCase(Locale.ROOT);
        if (v.equals("A")) {
            return ifA;
        }
        if (v.equals("B")) {
            return ifB;
        }
        if (v.equalsIgnoreCase(language.tie())) {
            return Winner.TIE;
        }
        throw new EvaluationException("the judge's verdict \"" + verdict + "\" is none of A, B or " + language.tie());
    }
}
