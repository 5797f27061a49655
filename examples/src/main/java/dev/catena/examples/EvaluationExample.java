package dev.catena.examples;

import dev.catena.chains.documents.PromptLanguage;
import dev.catena.chains.documents.TokenBudget;
import dev.catena.chains.qa.QaResult;
import dev.catena.chains.qa.RetrievalQaChain;
import dev.catena.core.vector.Distance;
import dev.catena.evaluation.Dataset;
import dev.catena.evaluation.EmbeddingDistanceEvaluator;
import dev.catena.evaluation.EvaluationReport;
import dev.catena.evaluation.EvaluationRunner;
import dev.catena.evaluation.Prediction;
import dev.catena.evaluation.StringDistance;
import dev.catena.evaluation.StringDistanceEvaluator;
import dev.catena.models.ExtractiveAnswerModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Evaluates the quickstart's retrieval QA ({@link RetrievalQaChain} over the bundled knowledge base,
 * answered offline by {@link ExtractiveAnswerModel}) on a small bundled question set with reference
 * answers, and prints the report: per evaluator the mean and pass rate, the run's latency and
 * tokens, and a row per question. The evaluators are deterministic, so it runs with no key:
 * embedding similarity of answer and reference (hashing embeddings, cosine) and normalised
 * Levenshtein similarity. The rows are also written as JSON Lines to a temporary file.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.EvaluationExample
 * }</pre>
 */
public final class EvaluationExample {

    private EvaluationExample() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = KnowledgeBase.folder();
        HashingEmbeddingModel embeddings = new HashingEmbeddingModel();
        InMemoryVectorStore store = KnowledgeBase.indexed(KnowledgeBase.chunks(folder), embeddings,
                KnowledgeBase.temporaryIndexFolder());
        RetrievalQaChain qa = RetrievalQaChain.builder(VectorStoreRetriever.similarity(store, 4), new ExtractiveAnswerModel())
                .language(PromptLanguage.ENGLISH)
                .budget(TokenBudget.of(8_192, 1_024))
                .build();

        Dataset questions = Dataset.fromJsonLines(folder.getParent().resolve("evaluation/retrieval-qa.jsonl"));
        System.out.println("Evaluating RetrievalQaChain on " + questions.examples().size() + " questions of " + questions.name());
        EvaluationReport report = EvaluationRunner.builder()
                .evaluators(new EmbeddingDistanceEvaluator(embeddings, Distance.COSINE, 0.5),
                        new StringDistanceEvaluator(StringDistance.LEVENSHTEIN, 0.3))
                .maxConcurrency(2)
                .build()
                .run(qa, questions, example -> Map.of(QaResult.QUESTION, example.input()), Prediction::of);

        System.out.println(report.toMarkdown());
        Path rows = Files.createTempFile("evaluation-", ".jsonl");
        report.writeJsonLines(rows);
        System.out.println("Rows written as JSON Lines to " + rows);
    }
}
