package dev.catena.chains.documents;

/** The language of a chain's default prompts. */
public enum PromptLanguage {
    /** English prompts (LangChain's wording). */
    ENGLISH,
    /** Chinese prompts (简体中文). */
    CHINESE
}
