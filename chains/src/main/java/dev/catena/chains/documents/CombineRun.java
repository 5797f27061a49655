package dev.catena.chains.documents;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import java.util.List;
import java.util.Map;

/** A strategy's work on one set of documents as a traced run, so its steps appear under its name. */
final class CombineRun implements Component<List<Document>, Combination> {

    private final CombineDocuments strategy;
    private final Component<PromptValue, ?> model;
    private final Map<String, Object> variables;

    CombineRun(CombineDocuments strategy, Component<PromptValue, ?> model, Map<String, Object> variables) {
        this.strategy = strategy;
        this.model = model;
        this.variables = variables;
    }

    @Override
    public Combination call(List<Document> documents, RunConfig config) {
        return strategy.combine(model, variables, documents, config);
    }

    @Override
    public String name() {
        return strategy.name();
    }

    @Override
    public String kind() {
        return "chain";
    }
}
