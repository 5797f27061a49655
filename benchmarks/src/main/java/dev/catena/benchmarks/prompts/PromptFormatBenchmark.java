package dev.catena.benchmarks.prompts;

import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.PartialJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Formatting a 10-variable prompt template, Catena against LangChain4j's
 * {@code PromptTemplate.from(...).apply(map)} on the same template and values, and parsing
 * partial JSON as a stream arrives. See docs/benchmarks/prompts.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PromptFormatBenchmark {

    private static final String[] NAMES = {"role", "company", "product", "customer", "tone", "language", "question",
            "context", "date", "limit"};

    private PromptTemplate catena;
    private dev.langchain4j.model.input.PromptTemplate langchain4j;
    private Map<String, Object> values;
    private String partialJson;
    private String completeJson;

    @Setup
    public void setUp() {
        StringBuilder t = new StringBuilder("You are {{role}} at {{company}}, supporting {{product}}. ");
        t.append("The customer {{customer}} wants a {{tone}} answer in {{language}}.\n\n");
        t.append("Question: {{question}}\n\nUse only this context:\n{{context}}\n\nToday is {{date}}. ");
        t.append("Answer in at most {{limit}} words.");
        String lc4jTemplate = t.toString();
        // The same text in f-string syntax for Catena.
        String catenaTemplate = lc4jTemplate.replace("{{", "{").replace("}}", "}");
        catena = PromptTemplate.fromTemplate(catenaTemplate);
        langchain4j = dev.langchain4j.model.input.PromptTemplate.from(lc4jTemplate);
        values = new LinkedHashMap<>();
        for (String n : NAMES) {
            values.put(n, "value of " + n);
        }
        values.put("context", "Orders ship within 2 business days. Returns are accepted for 30 days with a receipt.");
        completeJson = "{\"name\": \"Ada Lovelace\", \"age\": 36, \"languages\": [\"English\", \"French\"],"
                + " \"address\": {\"city\": \"London\", \"street\": \"St James's Square\"}, \"notes\": \"first programmer\"}";
        partialJson = completeJson.substring(0, completeJson.indexOf("St James"));
    }

    @Benchmark
    public String catenaFormat() {
        return catena.format(values);
    }

    @Benchmark
    public String langchain4jApply() {
        return langchain4j.apply(values).text();
    }

    @Benchmark
    public Object partialJsonUnfinished() {
        return PartialJson.parsePartial(partialJson);
    }

    @Benchmark
    public Object partialJsonComplete() {
        return PartialJson.parsePartial(completeJson);
    }

    /** A whole stream: every prefix of the object parsed as the chunks arrive, 8 characters at a time. */
    @Benchmark
    public int partialJsonStreamOf8CharChunks() {
        int parsed = 0;
        for (int end = 8; end < completeJson.length() + 8; end += 8) {
            if (PartialJson.parseMarkdown(completeJson.substring(0, Math.min(end, completeJson.length()))) != null) {
                parsed++;
            }
        }
        return parsed;
    }
}
