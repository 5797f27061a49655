package dev.catena.chains.documents;

import dev.catena.chains.ChainValidationException;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

/**
 * The default prompts of summarisation, in English (LangChain's wording) and Chinese, by the names
 * {@link CombineDocuments} uses; replace any through {@link SummarizeChain}'s builder.
 */
public final class SummarizePrompts {

    private SummarizePrompts() {
    }

    /** Stuff, and each map call: a concise summary of {@code {context}}. */
    public static final PromptTemplate SUMMARIZE = PromptTemplate.fromTemplate("""
            Write a concise summary of the following:


            "{context}"


            CONCISE SUMMARY:""");

    /** Stuff and map, Chinese. */
    public static final PromptTemplate SUMMARIZE_ZH = PromptTemplate.fromTemplate("""
            请为以下内容写一段简洁的摘要：


            "{context}"


            简洁摘要：""");

    /** Collapse and reduce: one summary of the partial summaries in {@code {summaries}}. */
    public static final PromptTemplate COMBINE = PromptTemplate.fromTemplate("""
            Write a concise summary of the following summaries of parts of one text:


            "{summaries}"


            CONCISE SUMMARY:""");

    /** Collapse and reduce, Chinese. */
    public static final PromptTemplate COMBINE_ZH = PromptTemplate.fromTemplate("""
            以下是同一篇文本各部分的摘要，请把它们合并成一段简洁的摘要：


            "{summaries}"


            简洁摘要：""");

    /** Refine: the summary so far in {@code {existing_answer}}, refined with {@code {context}}. */
    public static final PromptTemplate REFINE = PromptTemplate.fromTemplate("""
            Your job is to produce a final summary.
            We have provided an existing summary up to a certain point: {existing_answer}
            We have the opportunity to refine the existing summary (only if needed) with some more context below.
            ------------
            {context}
            ------------
            Given the new context, refine the original summary. If the context isn't useful, return the original summary.""");

    /** Refine, Chinese. */
    public static final PromptTemplate REFINE_ZH = PromptTemplate.fromTemplate("""
            你的任务是写出最终摘要。
            目前已有的摘要是：{existing_answer}
            下面还有一些新的内容，可以用来改进已有的摘要（仅在需要时）。
            ------------
            {context}
            ------------
            请根据新的内容改进原来的摘要。如果新内容没有帮助，请原样返回原来的摘要。""");

    /**
     * The default prompts of a strategy in a language.
     *
     * @param strategy how the documents are combined
     * @param language the language of the prompts
     * @return the prompts by name, as {@link CombineDocuments} names them
     * @throws ChainValidationException for {@link CombineStrategy#MAP_RERANK}, which picks one answer and cannot summarise
     */
    public static Map<String, PromptTemplate> defaults(CombineStrategy strategy, PromptLanguage language) {
        boolean zh = language == PromptLanguage.CHINESE;
        PromptTemplate summarize = zh ? SUMMARIZE_ZH : SUMMARIZE;
        PromptTemplate combine = zh ? COMBINE_ZH : COMBINE;
        return switch (strategy) {
            case STUFF -> Map.of(CombineDocuments.STUFF_PROMPT, summarize);
            case MAP_REDUCE -> Map.of(CombineDocuments.MAP_PROMPT, summarize, CombineDocuments.COLLAPSE_PROMPT, combine,
                    CombineDocuments.REDUCE_PROMPT, combine);
            case REFINE -> Map.of(CombineDocuments.REFINE_INITIAL_PROMPT, summarize,
                    CombineDocuments.REFINE_PROMPT, zh ? REFINE_ZH : REFINE);
            case MAP_RERANK -> throw new ChainValidationException(
                    "map_rerank picks one document's answer and cannot summarise; use STUFF, MAP_REDUCE or REFINE");
        };
    }
}
