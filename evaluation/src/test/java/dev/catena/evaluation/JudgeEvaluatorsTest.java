package dev.catena.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.agents.AgentAction;
import dev.catena.agents.AgentStep;
import dev.catena.core.documents.Document;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeEvaluatorsTest {

    private static String lastPrompt(FakeChatModel judge) {
        var messages = judge.requests().get(judge.requests().size() - 1).messages();
        return messages.get(messages.size() - 1).text();
    }

    @Test
    void aValidVerdictGivesScoreReasoningAndPass() {
        FakeChatModel judge = FakeChatModel.of("Reasoning: Paris is the capital,\nas the reference says.\nScore: 9");
        CriteriaEvaluator correctness = CriteriaEvaluator.of(judge, Criterion.correctness(JudgeLanguage.ENGLISH));
        EvaluationResult result = correctness.evaluate(Sample.of("Capital of France?", "Paris", "Paris"));
        assertThat(result.score()).isEqualTo(9);
        assertThat(result.passed()).isTrue();
        assertThat(result.reasoning()).isEqualTo("Paris is the capital,\nas the reference says.");
        assertThat(lastPrompt(judge)).contains("[Criterion]\nIs the submission correct", "[Submission]\nParis",
                "[Reference answer]\nParis", "[Context]\n(none)", "Score: <one integer from 1");
    }

    @Test
    void aLowScoreFailsAndTheThresholdIsAdjustable() {
        FakeChatModel judge = FakeChatModel.of("Reasoning: rambles.\nScore: 5");
        Evaluator concise = CriteriaEvaluator.of(judge, Criterion.conciseness(JudgeLanguage.ENGLISH));
        assertThat(concise.evaluate(Sample.of("q", "a", null)).passed()).isFalse();
        Evaluator lenient = CriteriaEvaluator.of(judge, Criterion.conciseness(JudgeLanguage.ENGLISH)).withPassThreshold(5);
        assertThat(lenient.evaluate(Sample.of("q", "a", null)).passed()).isTrue();
    }

    @Test
    void malformedOrMissingScoresAreRecordedFailuresNeverPasses() {
        for (String reply : List.of(
                "Reasoning: fine.\nScore: excellent",   // not a number
                "Reasoning: fine.",                     // no score line
                "Reasoning: fine.\nScore: 11",          // out of range
                "Score: 8",                             // no reasoning
                "Reasoning: fine.\nScore: 8\nThanks!",  // score not last
                "")) {
            EvaluationResult result = CriteriaEvaluator.of(FakeChatModel.of(reply), Criterion.helpfulness(JudgeLanguage.ENGLISH))
                    .safeEvaluate(Sample.of("q", "a", null));
            assertThat(result.isFailure()).as(reply).isTrue();
            assertThat(result.passed()).as(reply).isFalse();
            assertThat(result.score()).as(reply).isNaN();
        }
    }

    @Test
    void chineseVerdictsWithFullWidthColons() {
        FakeChatModel judge = FakeChatModel.of("理由：回答与参考答案一致。\n评分：8");
        CriteriaEvaluator evaluator = CriteriaEvaluator.of(judge, Criterion.correctness(JudgeLanguage.CHINESE), JudgeLanguage.CHINESE);
        EvaluationResult result = evaluator.evaluate(Sample.of("法国的首都？", "巴黎", "巴黎"));
        assertThat(result.score()).isEqualTo(8);
        assertThat(result.reasoning()).isEqualTo("回答与参考答案一致。");
        assertThat(lastPrompt(judge)).contains("【参考答案】\n巴黎", "评分：<1");
        // an English label does not count in a Chinese judge
        assertThat(CriteriaEvaluator.of(FakeChatModel.of("Reasoning: ok\nScore: 8"), Criterion.correctness(JudgeLanguage.CHINESE),
                JudgeLanguage.CHINESE).safeEvaluate(Sample.of("q", "a", "a")).isFailure()).isTrue();
    }

    @Test
    void customCriteriaAndAReplacedPrompt() {
        FakeChatModel judge = FakeChatModel.of("Reasoning: it rhymes.\nScore: 10");
        CriteriaEvaluator rhymes = CriteriaEvaluator.of(judge, Criterion.custom("rhymes", "Does the submission rhyme?"))
                .withPrompt(PromptTemplate.fromTemplate("{criterion}\n{output}\nReply with Reasoning: and Score: lines."));
        EvaluationResult result = rhymes.evaluate(Sample.of("q", "cat in a hat", null));
        assertThat(result.evaluator()).isEqualTo("rhymes");
        assertThat(result.score()).isEqualTo(10);
        assertThat(lastPrompt(judge)).isEqualTo("Does the submission rhyme?\ncat in a hat\nReply with Reasoning: and Score: lines.");
    }

    @Test
    void faithfulnessReadsTheRetrievedDocumentsAndNeedsThem() {
        FakeChatModel judge = FakeChatModel.of("Reasoning: document 1 says so.\nScore: 9");
        CriteriaEvaluator faithfulness = CriteriaEvaluator.of(judge, Criterion.faithfulness(JudgeLanguage.ENGLISH));
        Sample sample = new Sample("Where is the Louvre?", "In Paris.", null,
                Map.of("source_documents", List.of(Document.of("The Louvre is in Paris."), Document.of("Lyon has silk."))));
        assertThat(faithfulness.evaluate(sample).passed()).isTrue();
        assertThat(lastPrompt(judge)).contains("[Context]\n[1] The Louvre is in Paris.\n[2] Lyon has silk.");
        assertThat(faithfulness.safeEvaluate(Sample.of("q", "a", null)).error()).contains("context");
        assertThat(CriteriaEvaluator.of(judge, Criterion.correctness(JudgeLanguage.ENGLISH))
                .safeEvaluate(Sample.of("q", "a", null)).error()).contains("reference");
    }

    @Test
    void pairwiseJudgesBothOrdersAndOnlyAgreementWins() {
        // in order A = first wins; swapped, B (= first) wins: consistent
        PairwiseEvaluator.Result agreed = new PairwiseEvaluator(
                FakeChatModel.of("Reasoning: A is exact.\nVerdict: A", "Reasoning: B is exact.\nVerdict: B"), JudgeLanguage.ENGLISH)
                .compare("2+2?", "4", "5", null);
        assertThat(agreed.winner()).isEqualTo(PairwiseEvaluator.Winner.FIRST);
        assertThat(agreed.consistent()).isTrue();
        assertThat(agreed.reasoningSwapped()).isEqualTo("B is exact.");

        // the judge always prefers position A: position bias shows as disagreement, so a tie
        FakeChatModel biased = FakeChatModel.of("Reasoning: first looks good.\nVerdict: A");
        PairwiseEvaluator.Result bias = new PairwiseEvaluator(biased, JudgeLanguage.ENGLISH).compare("2+2?", "4", "5", "4");
        assertThat(bias.winner()).isEqualTo(PairwiseEvaluator.Winner.TIE);
        assertThat(bias.consistent()).isFalse();
        assertThat(biased.requests()).hasSize(2);
        assertThat(biased.requests().get(0).messages().get(0).text()).contains("[Response A]\n4\n\n[Response B]\n5");
        assertThat(biased.requests().get(1).messages().get(0).text()).contains("[Response A]\n5\n\n[Response B]\n4");

        PairwiseEvaluator.Result second = new PairwiseEvaluator(
                FakeChatModel.of("理由：B 更好。\n裁决：B", "理由：A 更好。\n裁决：A"), JudgeLanguage.CHINESE).compare("q", "x", "y", null);
        assertThat(second.winner()).isEqualTo(PairwiseEvaluator.Winner.SECOND);

        assertThatThrownBy(() -> new PairwiseEvaluator(FakeChatModel.of("Reasoning: hmm.\nVerdict: both"), JudgeLanguage.ENGLISH)
                .compare("q", "x", "y", null)).isInstanceOf(EvaluationException.class).hasMessageContaining("\"both\"");
    }

    private static AgentStep step(String tool, String arguments, String observation) {
        return new AgentStep(new AgentAction(tool, arguments, "call-" + tool, "", null), observation);
    }

    @Test
    void trajectoryChecksToolsOrderAndStepCount() {
        List<AgentStep> steps = List.of(step("search", "{\"q\":\"population\"}", "67 million"),
                step("calculator", "67000000*2", "134000000"), step("search", "{\"q\":\"again\"}", "same"));
        Sample sample = new Sample("Twice France's population?", "134 million", null, Map.of(Prediction.STEPS, steps));

        assertThat(new TrajectoryEvaluator(List.of("search", "calculator"), true, 3).evaluate(sample).passed()).isTrue();
        EvaluationResult laterSearchCounts = new TrajectoryEvaluator(List.of("calculator", "search"), true, 0).evaluate(sample);
        assertThat(laterSearchCounts.passed()).isTrue(); // other calls may come between: search follows calculator at step 3
        EvaluationResult missingTool = new TrajectoryEvaluator(List.of("calculator", "wiki"), false, 0).evaluate(sample);
        assertThat(missingTool.reasoning()).isEqualTo("never called [wiki]");
        EvaluationResult tooLong = new TrajectoryEvaluator(List.of("search"), true, 2).evaluate(sample);
        assertThat(tooLong.score()).isEqualTo(0);
        assertThat(tooLong.reasoning()).isEqualTo("took 3 steps, more than 2");
        Sample twoSteps = new Sample("q", "a", null, Map.of(Prediction.STEPS, steps.subList(1, 3)));
        assertThat(new TrajectoryEvaluator(List.of("search", "calculator"), true, 0).evaluate(twoSteps).reasoning())
                .isEqualTo("called [calculator, search], not [search, calculator] in that order");
        assertThat(new TrajectoryEvaluator(List.of("search"), false, 0).safeEvaluate(Sample.of("q", "a", null)).isFailure()).isTrue();

        FakeChatModel judge = FakeChatModel.of("Reasoning: the last search was needless.\nScore: 6");
        EvaluationResult judged = CriteriaEvaluator.of(judge, Criterion.trajectory(JudgeLanguage.ENGLISH)).evaluate(sample);
        assertThat(judged.passed()).isFalse();
        assertThat(lastPrompt(judge)).contains("Step 1: search({\"q\":\"population\"}) -> 67 million\n"
                + "Step 2: calculator(67000000*2) -> 134000000\nStep 3: search({\"q\":\"again\"}) -> same");
    }
}
