package dev.catena.benchmarks.core;

import dev.catena.core.json.MessageJson;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON round trip (write, then read back) of the same 50-message history: Catena's OpenAI and
 * LangChain forms against LangChain4j's {@code ChatMessageSerializer}/{@code ChatMessageDeserializer}.
 * Target: Catena at least 2× as fast.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageJsonBenchmark {

    private List<ChatMessage> catenaHistory;
    private List<dev.langchain4j.data.message.ChatMessage> langchain4jHistory;

    @Setup
    public void setUp() {
        catenaHistory = new ArrayList<>();
        langchain4jHistory = new ArrayList<>();
        String system = "You are a helpful assistant for a travel agency. Answer briefly and cite the booking id.";
        catenaHistory.add(ChatMessage.system(system));
        langchain4jHistory.add(SystemMessage.from(system));
        for (int turn = 0; catenaHistory.size() < 50; turn++) {
            String question = "Turn " + turn + ": can you check whether flight LH" + (400 + turn)
                    + " on the 12th still has window seats, and what the fare difference to business would be?";
            catenaHistory.add(ChatMessage.user(question));
            langchain4jHistory.add(UserMessage.from(question));
            if (turn % 3 == 0 && catenaHistory.size() <= 47) {
                String id = "call_" + turn;
                String args = "{\"flight\":\"LH" + (400 + turn) + "\",\"date\":\"2025-06-12\",\"cabin\":\"business\"}";
                catenaHistory.add(AiMessage.ofToolCalls(List.of(new ToolCall(id, "lookup_flight", args))));
                langchain4jHistory.add(dev.langchain4j.data.message.AiMessage.from(
                        ToolExecutionRequest.builder().id(id).name("lookup_flight").arguments(args).build()));
                String result = "{\"window_seats\":4,\"fare_difference_eur\":612.5}";
                catenaHistory.add(new ToolMessage(id, result, "lookup_flight"));
                langchain4jHistory.add(ToolExecutionResultMessage.from(id, "lookup_flight", result));
            }
            String answer = "Flight LH" + (400 + turn) + " has 4 window seats left; business costs 612.50 EUR more (booking BK-"
                    + (1000 + turn) + ").";
            catenaHistory.add(ChatMessage.ai(answer));
            langchain4jHistory.add(dev.langchain4j.data.message.AiMessage.from(answer));
        }
        catenaHistory = catenaHistory.subList(0, 50);
        langchain4jHistory = langchain4jHistory.subList(0, 50);
        if (MessageJson.readOpenAi(MessageJson.writeOpenAi(catenaHistory)).size() != 50
                || ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory)).size() != 50) {
            throw new IllegalStateException("the histories must round-trip to 50 messages");
        }
    }

    @Benchmark
    public List<ChatMessage> catenaOpenAiForm() {
        return MessageJson.readOpenAi(MessageJson.writeOpenAi(catenaHistory));
    }

    @Benchmark
    public List<ChatMessage> catenaLangChainForm() {
        return MessageJson.readLangChain(MessageJson.writeLangChain(catenaHistory));
    }

    @Benchmark
    public List<dev.langchain4j.data.message.ChatMessage> langchain4jSerializer() {
        return ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory));
    }
}
