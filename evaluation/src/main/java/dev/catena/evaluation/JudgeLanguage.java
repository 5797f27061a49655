package dev.catena.evaluation;

import dev.catena.prompts.PromptTemplate;
import java.util.regex.Pattern;

/**
 * The language a judge is prompted in, with its default prompts and the labels its verdict lines
 * carry. A reply must end with the reasoning line(s) followed by one score (or verdict) line, in
 * that language's labels; both a half-width and a full-width colon are accepted.
 */
public enum JudgeLanguage {
    /** English prompts; verdict lines {@code Reasoning: ...} and {@code Score: N} (or {@code Verdict: A|B|tie}). */
    ENGLISH("Reasoning", "Score", "Verdict", "tie", "(none)", """
            You are a strict, impartial grader. Judge the submission on one criterion only.

            [Criterion]
            {criterion}

            [Input]
            {input}

            [Submission]
            {output}

            [Reference answer]
            {reference}

            [Context]
            {context}

            Think it through, then answer in exactly this form and nothing after it:
            Reasoning: <your reasoning, on one or more lines>
            Score: <one integer from 1 (fails the criterion completely) to 10 (meets it fully)>
            """, """
            You are a strict, impartial grader. Compare two responses to the same input and decide which is better.
            Ignore which response comes first and how long each is.

            [Input]
            {input}

            [Reference answer]
            {reference}

            [Response A]
            {first}

            [Response B]
            {second}

            Think it through, then answer in exactly this form and nothing after it:
            Reasoning: <your reasoning>
            Verdict: <A, B or tie>
            """),
    /** Chinese prompts; verdict lines {@code 理由：...} and {@code 评分：N} (or {@code 裁决：A|B|平局}). */
    CHINESE("理由", "评分", "裁决", "平局", "（无）", """
            你是一名严格、公正的评审。只按一项标准评判提交的回答。

            【标准】
            {criterion}

            【输入】
            {input}

            【提交的回答】
            {output}

            【参考答案】
            {reference}

            【上下文】
            {context}

            请先思考，然后严格按以下格式作答，之后不要再写任何内容：
            理由：<你的理由，可以多行>
            评分：<1（完全不符合标准）到 10（完全符合标准）之间的一个整数>
            """, """
            你是一名严格、公正的评审。比较对同一输入的两个回答，判断哪个更好。
            不要考虑回答的先后顺序和长短。

            【输入】
            {input}

            【参考答案】
            {reference}

            【回答 A】
            {first}

            【回答 B】
            {second}

            请先思考，然后严格按以下格式作答，之后不要再写任何内容：
            理由：<你的理由>
            裁决：<A、B 或 平局>
            """);

    private final String reasoningLabel;
    private final String scoreLabel;
    private final String verdictLabel;
    private final String tie;
    private final String none;
    private final String criteriaPrompt;
    private final String pairwisePrompt;

    JudgeLanguage(String reasoningLabel, String scoreLabel, String verdictLabel, String tie, String none,
                  String criteriaPrompt, String pairwisePrompt) {
        this.reasoningLabel = reasoningLabel;
        this.scoreLabel = scoreLabel;
        this.verdictLabel = verdictLabel;
        this.tie = tie;
        this.none = none;
        this.criteriaPrompt = criteriaPrompt;
        this.pairwisePrompt = pairwisePrompt;
    }

    /** {@return the default prompt of a criteria judge; variables: criterion, input, output, reference, context} */
    public PromptTemplate criteriaPrompt() {
        return PromptTemplate.fromTemplate(criteriaPrompt);
    }

    /** {@return the default prompt of a pairwise judge; variables: input, reference, first, second} */
    public PromptTemplate pairwisePrompt() {
        return PromptTemplate.fromTemplate(pairwisePrompt);
    }

    /** {@return what the prompt shows where a reference or context is absent} */
    public String none() {
        return none;
    }

    /** {@return the word for a tie in a pairwise verdict} */
    public String tie() {
        return tie;
    }

    /** {@return the label of the reasoning line} */
    public String reasoningLabel() {
        return reasoningLabel;
    }

    Pattern lastLine(String label) {
        return Pattern.compile("^\\s*\\**" + Pattern.quote(label) + "\\**\\s*[:：]\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    }

    String scoreLabel() {
        return scoreLabel;
    }

    String verdictLabel() {
        return verdictLabel;
    }
}
