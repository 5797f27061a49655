package dev.catena.examples;

import dev.catena.chains.LlmChain;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.LanguageModel;
import dev.catena.core.models.PromptValue;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.models.FakeLanguageModel;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

/**
 * The seed's two chain samples: {@code LLMChain(llm, prompt).run("你好")} as an {@link LlmChain},
 * and the hand-written {@code DemoChain} that explains "天道酬勤" with the prompt
 * {@code 请给我解释一下{concept}的意思}, written as a {@link Component} so it is traced like any chain.
 * The text model answers from a script, offline.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.LlmChainExample
 * }</pre>
 */
public final class LlmChainExample {

    /** The seed's prompt. */
    static final PromptTemplate PROMPT = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");

    /** The seed's answer for 天道酬勤. */
    static final String TIANDAO = "天道酬勤是指自然界的规律认为只要一个人勤奋努力，就有可能会获得成功。";

    private LlmChainExample() {
    }

    /** The seed's hand-written chain: formats the prompt, prints it, asks the model. */
    record DemoChain(LanguageModel llm, PromptTemplate prompt) implements Component<String, String> {
        @Override
        public String call(String query, RunConfig config) {
            String formatted = prompt.format(Map.of("concept", query));
            System.out.println("query=" + query + "  ->prompt=" + formatted);
            return llm.invoke(PromptValue.of(formatted), config);
        }

        @Override
        public String kind() {
            return "chain";
        }
    }

    public static void main(String[] args) {
        FakeLanguageModel llm = FakeLanguageModel.of("“你好”是中文里最常用的问候语，用来向对方打招呼。", TIANDAO);

        LlmChain chain = LlmChain.of(PROMPT, llm);
        System.out.println("LlmChain.run(\"你好\"): " + chain.run("你好"));
        System.out.println("prompt sent: " + llm.prompts().get(0));
        System.out.println("inputKeys=" + chain.inputKeys() + " outputKeys=" + chain.outputKeys());

        System.out.println();
        DemoChain demo = new DemoChain(llm, PROMPT);
        String answer = demo.invoke("天道酬勤", RunConfig.builder().callbacks(new ConsoleTracer()).build());
        System.out.println(answer);
    }
}
