/** The requires and opens docs/modules.md asks of a modular application that uses Catena. */
module app.modular {
    requires dev.catena.core;
    requires dev.catena.models;
    requires dev.catena.prompts;
    // Catena's jars are automatic modules: they read every module in the graph but bring none into
    // it, so the explicit modules they use must be required here.
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires com.github.victools.jsonschema.generator;      // BeanOutputParser's JSON schemas
    requires com.github.victools.jsonschema.module.jackson;
    requires okhttp3; // only for the HTTP model clients (OpenAI-compatible, Anthropic)
    // BeanOutputParser binds the model's JSON to this package's records with Jackson.
    opens app.modular to com.fasterxml.jackson.databind;
}
