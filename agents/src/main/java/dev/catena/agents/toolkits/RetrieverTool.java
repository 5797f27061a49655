package dev.catena.agents.toolkits;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * A knowledge base as a tool: the model sends a query, the {@link Retriever} finds documents, and
 * the tool returns them numbered with their sources, so the model can cite them:
 *
 * <pre>{@code
 * [1] source: handbook.md
 * Refunds are paid within 14 days.
 * }</pre>
 *
 * <p>The retrieval is a traced child run of the tool's run. No documents is an answer ("no
 * documents found"), not an error.
 */
public final class RetrieverTool implements Tool {

    private static final String SCHEMA = """
            {"type": "object",
             "properties": {"query": {"type": "string", "description": "what to look for, in a few words"}},
             "required": ["query"],
             "additionalProperties": false}""";

    private final Retriever retriever;
    private final ToolSpec spec;

    private RetrieverTool(Retriever retriever, ToolSpec spec) {
        this.retriever = retriever;
        this.spec = spec;
    }

    /**
     * A tool named {@code name} that searches with {@code retriever}; the description tells the
     * model what the knowledge base holds and when to search it.
     *
     * @param retriever finds the documents for the model's query
     * @param name the tool's name
     * @param description what the knowledge base holds and when to search it
     * @return the tool
     */
    public static RetrieverTool of(Retriever retriever, String name, String description) {
        Objects.requireNonNull(retriever, "retriever");
        return new RetrieverTool(retriever, new ToolSpec(name, description, ToolArguments.schema(SCHEMA)));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public String call(String argumentsJson, RunConfig config) {
        String query = ToolArguments.parse(spec.name(), argumentsJson).string("query");
        List<Document> documents = retriever.invoke(query, config);
        if (documents.isEmpty()) {
            return "no documents found for '" + query + "'";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            if (i > 0) {
                out.append("\n\n");
            }
            out.append('[').append(i + 1).append("] source: ").append(source(d));
            Object page = d.metadata().get("page");
            if (page != null) {
                out.append(", page ").append(page);
            }
            out.append('\n').append(d.text().strip());
        }
        return out.toString();
    }

    private static String source(Document d) {
        Object source = d.metadata().get("source");
        if (source != null) {
            return source.toString();
        }
        return d.id() != null ? d.id() : "unknown";
    }
}
