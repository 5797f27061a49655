package dev.catena.chains.qa;

import dev.catena.chains.documents.CombineDocuments;
import dev.catena.chains.documents.CombineStrategy;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

/**
 * The default prompts of question answering, in English (LangChain's wording) and Chinese. Every
 * prompt a QA chain sends is one of these unless replaced through the chain's builder
 * ({@code .prompt(name, template)}); {@code chain.prompts()} lists what a chain will send.
 *
 * <p>Variables: {@code {context}} documents, {@code {question}} the question, {@code {summaries}}
 * mapped answers, {@code {existing_answer}} the answer so far, {@code {chat_history}} the
 * conversation (condense prompts).
 */
public final class QaPrompts {

    private QaPrompts() {
    }

    /** Stuff: the documents and the question in one prompt. */
    public static final PromptTemplate STUFF = PromptTemplate.fromTemplate("""
            Use the following pieces of context to answer the question at the end. If you don't know the answer, \
            just say that you don't know, don't try to make up an answer.

            {context}

            Question: {question}
            Helpful Answer:""");

    /** Stuff, Chinese. */
    public static final PromptTemplate STUFF_ZH = PromptTemplate.fromTemplate("""
            请根据以下已知内容，简洁、专业地回答最后的问题。如果无法从已知内容中得到答案，请说“根据已知内容无法回答该问题”，不要编造答案。

            已知内容：
            {context}

            问题：{question}
            回答：""");

    /** Map-reduce, per document: the text relevant to the question. */
    public static final PromptTemplate MAP = PromptTemplate.fromTemplate("""
            Use the following portion of a long document to see if any of the text is relevant to answer the question. \
            Return any relevant text verbatim.
            {context}
            Question: {question}
            Relevant text, if any:""");

    /** Map-reduce, per document, Chinese. */
    public static final PromptTemplate MAP_ZH = PromptTemplate.fromTemplate("""
            下面是一篇长文档的一部分。请找出其中与回答问题相关的文字并原样返回；如果没有相关内容，请返回空。
            {context}
            问题：{question}
            相关文字：""");

    /** Map-reduce, collapse: shortens mapped answers that do not fit together. */
    public static final PromptTemplate COLLAPSE = PromptTemplate.fromTemplate("""
            Shorten the following extracted parts of a long document, keeping everything that helps answer the question.

            QUESTION: {question}
            =========
            {summaries}
            =========
            SHORTENED TEXT:""");

    /** Map-reduce, collapse, Chinese. */
    public static final PromptTemplate COLLAPSE_ZH = PromptTemplate.fromTemplate("""
            请压缩以下从长文档中摘出的内容，保留所有有助于回答问题的信息。

            问题：{question}
            =========
            {summaries}
            =========
            压缩后的内容：""");

    /** Map-reduce, reduce: the final answer from the mapped answers. */
    public static final PromptTemplate REDUCE = PromptTemplate.fromTemplate("""
            Given the following extracted parts of a long document and a question, create a final answer. \
            If you don't know the answer, just say that you don't know. Don't try to make up an answer.

            QUESTION: {question}
            =========
            {summaries}
            =========
            FINAL ANSWER:""");

    /** Map-reduce, reduce, Chinese. */
    public static final PromptTemplate REDUCE_ZH = PromptTemplate.fromTemplate("""
            以下是从长文档中摘出的若干内容和一个问题，请给出最终回答。如果不知道答案，就说不知道，不要编造答案。

            问题：{question}
            =========
            {summaries}
            =========
            最终回答：""");

    /** Refine, first document. */
    public static final PromptTemplate REFINE_INITIAL = PromptTemplate.fromTemplate("""
            Context information is below.
            ---------------------
            {context}
            ---------------------
            Given the context information and no prior knowledge, answer the question: {question}
            """);

    /** Refine, first document, Chinese. */
    public static final PromptTemplate REFINE_INITIAL_ZH = PromptTemplate.fromTemplate("""
            以下是已知内容。
            ---------------------
            {context}
            ---------------------
            请只根据已知内容（不要用其他知识）回答问题：{question}
            """);

    /** Refine, each next document. */
    public static final PromptTemplate REFINE = PromptTemplate.fromTemplate("""
            The original question is as follows: {question}
            We have provided an existing answer: {existing_answer}
            We have the opportunity to refine the existing answer (only if needed) with some more context below.
            ------------
            {context}
            ------------
            Given the new context, refine the original answer to better answer the question. \
            If the context isn't useful, return the original answer.""");

    /** Refine, each next document, Chinese. */
    public static final PromptTemplate REFINE_ZH = PromptTemplate.fromTemplate("""
            原始问题是：{question}
            已有的回答是：{existing_answer}
            下面还有一些新的已知内容，可以用来改进已有的回答（仅在需要时）。
            ------------
            {context}
            ------------
            请根据新的已知内容改进原来的回答，使它更好地回答问题。如果新内容没有帮助，请原样返回原来的回答。""");

    /** Map-rerank: an answer and a score per document; the reply must end with {@code Score: <0-100>}. */
    public static final PromptTemplate MAP_RERANK = PromptTemplate.fromTemplate("""
            Use the following pieces of context to answer the question at the end. If you don't know the answer, \
            just say that you don't know, don't try to make up an answer.

            In addition to giving an answer, also return a score of how fully it answered the user's question. \
            Write the answer, then on the last line the score in exactly this format:
            Score: [whole number from 0 to 100]

            Context:
            ---------
            {context}
            ---------
            Question: {question}
            Helpful Answer:""");

    /** Map-rerank, Chinese (the score line stays {@code Score: <0-100>} so it parses the same way). */
    public static final PromptTemplate MAP_RERANK_ZH = PromptTemplate.fromTemplate("""
            请根据以下已知内容回答最后的问题。如果不知道答案，就说不知道，不要编造答案。

            除了回答之外，还要给出一个分数，表示这个回答在多大程度上完整回答了问题。先写回答，最后一行严格按以下格式写分数：
            Score: [0 到 100 的整数]

            已知内容：
            ---------
            {context}
            ---------
            问题：{question}
            回答：""");

    /** Condense: rewrites a follow-up into a standalone question from the conversation. */
    public static final PromptTemplate CONDENSE_QUESTION = PromptTemplate.fromTemplate("""
            Given the following conversation and a follow up question, rephrase the follow up question to be a \
            standalone question, in its original language. Keep the user's wording where it is already clear.

            Chat History:
            {chat_history}
            Follow Up Input: {question}
            Standalone question:""");

    /** Condense, Chinese. */
    public static final PromptTemplate CONDENSE_QUESTION_ZH = PromptTemplate.fromTemplate("""
            根据下面的对话和一个后续问题，把后续问题改写成一个可以独立理解的问题，保持原来的语言。原问题已经清楚的地方请保留用户的措辞。

            对话记录：
            {chat_history}
            后续问题：{question}
            独立问题：""");

    /**
     * The default prompts of a strategy in a language, by the names {@link CombineDocuments} uses.
     *
     * @param strategy how the documents are combined
     * @param language the language of the prompts
     * @return the prompts by name
     */
    public static Map<String, PromptTemplate> defaults(CombineStrategy strategy, PromptLanguage language) {
        boolean zh = language == PromptLanguage.CHINESE;
        return switch (strategy) {
            case STUFF -> Map.of(CombineDocuments.STUFF_PROMPT, zh ? STUFF_ZH : STUFF);
            case MAP_REDUCE -> Map.of(CombineDocuments.MAP_PROMPT, zh ? MAP_ZH : MAP,
                    CombineDocuments.COLLAPSE_PROMPT, zh ? COLLAPSE_ZH : COLLAPSE,
                    CombineDocuments.REDUCE_PROMPT, zh ? REDUCE_ZH : REDUCE);
            case REFINE -> Map.of(CombineDocuments.REFINE_INITIAL_PROMPT, zh ? REFINE_INITIAL_ZH : REFINE_INITIAL,
                    CombineDocuments.REFINE_PROMPT, zh ? REFINE_ZH : REFINE);
            case MAP_RERANK -> Map.of(CombineDocuments.MAP_RERANK_PROMPT, zh ? MAP_RERANK_ZH : MAP_RERANK);
        };
    }
}
