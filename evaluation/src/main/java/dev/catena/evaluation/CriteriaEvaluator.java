package dev.catena.evaluation;

import dev.catena.agents.AgentStep;
import dev.catena.core.documents.Document;
import dev.catena.core.models.ChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LLM-as-judge on one {@link Criterion}: the judge model reads a visible prompt
 * ({@link #prompt()}, replaceable with {@link #withPrompt}) and replies with its reasoning and a
 * score from 1 to 10; the sample passes when the score reaches the threshold (7 unless set). The
 * reply is parsed strictly (see {@link JudgeLanguage}); a reply without a readable score, or with a
 * score outside 1–10, is a recorded failure, never a pass.
 *
 * <p>The prompt's variables: {@code criterion}, {@code input}, {@code output}, {@code reference}
 * and {@code context} (the sample's {@code source_documents}, numbered, or an agent's
 * {@code intermediate_steps}); an absent reference or context shows as the language's "none".
 *
 * <pre>{@code
 * Evaluator correctness = CriteriaEvaluator.of(judge, Criterion.correctness(JudgeLanguage.ENGLISH));
 * }</pre>
 */
public final class CriteriaEvaluator implements Evaluator {

    private final ChatModel judge;
    private final Criterion criterion;
    private final JudgeLanguage language;
    private final PromptTemplate prompt;
    private final int passThreshold;

    private CriteriaEvaluator(ChatModel judge, Criterion criterion, JudgeLanguage language, PromptTemplate prompt,
                              int passThreshold) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        this.language = Objects.requireNonNull(language, "language");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        if (passThreshold < 1 || passThreshold > 10) {
            throw new IllegalArgumentException("the pass threshold is a score from 1 to 10, got " + passThreshold);
        }
        this.passThreshold = passThreshold;
    }

    /**
     * {@return an English judge on the criterion, passing at 7}
     *
     * @param judge the judge model
     * @param criterion what it judges
     */
    public static CriteriaEvaluator of(ChatModel judge, Criterion criterion) {
        return of(judge, criterion, JudgeLanguage.ENGLISH);
    }

    /**
     * {@return a judge on the criterion prompted in the language, passing at 7}
     *
     * @param judge the judge model
     * @param criterion what it judges (its description in the same language)
     * @param language the prompt's language and verdict labels
     */
    public static CriteriaEvaluator of(ChatModel judge, Criterion criterion, JudgeLanguage language) {
        return new CriteriaEvaluator(judge, criterion, language, language.criteriaPrompt(), 7);
    }

    /** {@return the prompt the judge reads} */
    public PromptTemplate prompt() {
        return prompt;
    }

    /**
     * {@return this judge with another prompt; it must still ask for the language's verdict lines}
     *
     * @param value the prompt
     */
    public CriteriaEvaluator withPrompt(PromptTemplate value) {
        return new CriteriaEvaluator(judge, criterion, language, value, passThreshold);
    }

    /**
     * {@return this judge passing samples scored at least this}
     *
     * @param value a score from 1 to 10
     */
    public CriteriaEvaluator withPassThreshold(int value) {
        return new CriteriaEvaluator(judge, criterion, language, prompt, value);
    }

    @Override
    public String name() {
        return criterion.name();
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        String reference = criterion.needsReference() ? sample.requireReference(name()) : sample.reference();
        String context = context(sample);
        if (criterion.needsContext() && context == null) {
            throw new EvaluationException(name() + " reads the sample's context (" + Prediction.STEPS
                    + " or source_documents) but the sample has none");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("criterion", criterion.description());
        variables.put("input", sample.input());
        variables.put("output", sample.output());
        variables.put("reference", reference == null ? language.none() : reference);
        variables.put("context", context == null ? language.none() : context);
        String reply = judge.chat(prompt.format(variables));
        JudgeReply parsed = JudgeReply.parse(reply, language, language.scoreLabel());
        int score;
        try {
            score = Integer.parseInt(parsed.value());
        } catch (NumberFormatException e) {
            throw new EvaluationException("the judge's score \"" + parsed.value() + "\" is not a whole number from 1 to 10");
        }
        if (score < 1 || score > 10) {
            throw new EvaluationException("the judge's score " + score + " is outside 1 to 10");
        }
        return new EvaluationResult(name(), score, score >= passThreshold, parsed.reasoning(), null);
    }

    private static String context(Sample sample) {
        if (sample.context().get(Prediction.STEPS) instanceof List<?> steps && !steps.isEmpty()) {
            StringBuilder out = new StringBuilder();
            int n = 1;
            for (Object step : steps) {
                if (step instanceof AgentStep s) {
                    out.append("Step ").append(n++).append(": ").append(s.action().tool()).append('(')
                            .append(s.action().arguments()).append(") -> ").append(s.observation()).append('\n');
                }
            }
            return out.toString().strip();
        }
        if (sample.context().get("source_documents") instanceof List<?> documents && !documents.isEmpty()) {
            StringBuilder out = new StringBuilder();
            int n = 1;
            for (Object document : documents) {
                out.append('[').append(n++).append("] ")
                        .append(document instanceof Document d ? d.text() : String.valueOf(document)).append('\n');
            }
            return out.toString().strip();
        }
        return sample.context().get("context") instanceof String text ? text : null;
    }
}
