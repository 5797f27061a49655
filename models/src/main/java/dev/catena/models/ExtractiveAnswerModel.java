package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.TokenCounter;
import dev.catena.core.text.Scripts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An offline chat model for question answering over retrieved context, deterministic and with no
 * weights: it quotes the context sentences that share the most words with the question. It
 * understands nothing and writes nothing of its own; it lets a retrieval QA program run with no key
 * and no network and still answer from its documents, honestly marked as quotes.
 *
 * <p>It reads the last user message as a question-answering prompt: the question is the text after
 * the last line starting with {@code Question:} or {@code 问题：}; the context is every line between
 * the prompt's first paragraph (the instructions) and that line, Markdown headings left out. Sentences are scored by the
 * distinct words (English, lower-cased, common function words left out) and Chinese characters
 * (function characters left out) and character pairs
 * they share with the question, divided by the square root of their own count so long sentences do
 * not win by length; the best {@code maxSentences} with a score above zero and at least half the
 * best score are quoted in their original order. A Chinese question is answered from the Chinese sentences, when there are any,
 * in a Chinese frame. Usage is counted with cl100k_base and
 * reported as a real client does.
 *
 * <pre>{@code
 * ChatModel offline = new ExtractiveAnswerModel();
 * RetrievalQaChain qa = RetrievalQaChain.builder(retriever, offline).build();
 * }</pre>
 */
public final class ExtractiveAnswerModel implements ChatModel {

    private static final TokenCounter COUNTER = TokenCounter.of("cl100k_base");
    private static final Pattern QUESTION_LINE = Pattern.compile("^\\s*(?:Question:|问题[:：])\\s*(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；])|(?<=[.!?;])\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}&&[^\\p{IsHan}]]+|\\p{IsHan}+");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "is", "are", "was", "what", "how", "why",
            "which", "who", "of", "and", "or", "to", "in", "on", "for", "with", "it", "its", "this", "that", "do", "does",
            "can", "be", "by", "as", "at", "from", "i", "you", "me", "my", "your");
    private static final Set<String> QUESTION_PAIRS = Set.of("什么", "么是", "是什", "怎么", "如何", "哪些", "为什");
    private static final String FUNCTION_CHARACTERS = "的是了在和与有我你他它这那个一什么怎如何哪些为吗呢吧啊把被就都也";

    private final int maxSentences;

    /** Quotes at most two sentences. */
    public ExtractiveAnswerModel() {
        this(2);
    }

    /**
     * Quotes at most {@code maxSentences} sentences.
     *
     * @param maxSentences the most context sentences one answer quotes; at least 1
     * @throws IllegalArgumentException if {@code maxSentences} is below 1
     */
    public ExtractiveAnswerModel(int maxSentences) {
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be at least 1, was " + maxSentences);
        }
        this.maxSentences = maxSentences;
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        AiMessage reply = reply(request);
        reply.usage().ifPresent(config::reportUsage);
        return reply;
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        return ScriptedReplies.stream(() -> reply(request), AiMessage::text, (whole, piece, last) -> {
            if (!last) {
                return AiMessage.of(piece);
            }
            whole.usage().ifPresent(config::reportUsage);
            return new AiMessage(piece, List.of(), null, "stop", whole.usage().orElse(null));
        });
    }

    private AiMessage reply(ChatRequest request) {
        String prompt = request.messages().stream().filter(m -> m.role() == ChatMessage.Role.USER)
                .reduce((first, second) -> second).map(ChatMessage::text).orElse("");
        String answer = answer(prompt);
        return new AiMessage(answer, List.of(), null, "stop",
                TokenUsage.of(COUNTER.count(request.messages()), COUNTER.count(answer)));
    }

    /**
     * The answer this model gives to a question-answering prompt.
     *
     * @param prompt the prompt text, read as the class comment describes
     * @return the best-matching context sentences, quoted; or, in words, that no sentence matches or
     *     that the prompt has no {@code Question:} line
     */
    public String answer(String prompt) {
        List<String> lines = prompt.lines().toList();
        int questionLine = -1;
        for (int i = lines.size() - 1; i >= 0 && questionLine < 0; i--) {
            if (QUESTION_LINE.matcher(lines.get(i)).matches()) {
                questionLine = i;
            }
        }
        if (questionLine < 0) {
            return "I can only answer prompts with a line starting with \"Question:\" or \"问题：\"; this offline model "
                    + "quotes context sentences and cannot follow other instructions.";
        }
        var matcher = QUESTION_LINE.matcher(lines.get(questionLine));
        matcher.matches();
        String question = matcher.group(1).strip();
        boolean chinese = hasCjk(question);
        int firstBlank = IntStream.range(0, questionLine).filter(i -> lines.get(i).isBlank()).findFirst().orElse(-1);
        List<String> sentences = new ArrayList<>();
        for (String line : lines.subList(firstBlank + 1, questionLine)) {
            if (line.strip().startsWith("#")) {
                continue; // a Markdown heading names a topic; it answers nothing
            }
            String text = line.strip();
            for (String sentence : SENTENCE_END.split(text)) {
                String s = sentence.strip();
                if (!s.isEmpty() && !s.endsWith(":") && !s.endsWith("：")) {
                    sentences.add(s);
                }
            }
        }
        if (chinese && sentences.stream().anyMatch(ExtractiveAnswerModel::hasCjk)) {
            sentences.removeIf(sentence -> !hasCjk(sentence)); // a Chinese question is answered in Chinese
        }
        Set<String> asked = features(question);
        record Scored(int index, double score) {
        }
        List<Scored> best = IntStream.range(0, sentences.size())
                .mapToObj(i -> {
                    Set<String> own = features(sentences.get(i));
                    long shared = own.stream().filter(asked::contains).count();
                    return new Scored(i, own.isEmpty() ? 0 : shared / Math.sqrt(own.size()));
                })
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::index))
                .limit(maxSentences)
                .toList();
        if (!best.isEmpty()) {
            double top = best.get(0).score();
            best = best.stream().filter(s -> s.score() >= top / 2).sorted(Comparator.comparingInt(Scored::index)).toList();
        }
        if (best.isEmpty()) {
            return chinese ? "检索到的内容中没有与这个问题相关的句子。" : "The retrieved context has no sentence related to this question.";
        }
        String quoted = best.stream().map(s -> sentences.get(s.index())).collect(Collectors.joining(chinese ? "" : " "));
        return (chinese ? "根据检索到的内容：" : "From the retrieved context: ") + quoted;
    }

    private static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Scripts::isCjk);
    }

    /** Distinct English words (without function words), Chinese characters (without function characters) and character pairs. */
    private static Set<String> features(String text) {
        Set<String> out = new HashSet<>();
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (Scripts.isCjk(word.codePointAt(0))) {
                int[] cps = word.codePoints().toArray();
                for (int cp : cps) {
                    if (FUNCTION_CHARACTERS.indexOf(cp) < 0) {
                        out.add(Character.toString(cp));
                    }
                }
                for (int i = 0; i + 1 < cps.length; i++) {
                    String pair = new String(cps, i, 2);
                    if (!QUESTION_PAIRS.contains(pair)) {
                        out.add(pair);
                    }
                }
            } else if (!FUNCTION_WORDS.contains(word) && word.length() > 1) {
                out.add(word);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "ExtractiveAnswerModel";
    }
}
