package dev.catena.benchmarks.core;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 50-message conversation the message-JSON and history-store benchmarks write and read, the
 * same in Catena's and LangChain4j's types, generated from a fixed seed (18):
 * <ul>
 *   <li>message 0: a system prompt of 412 characters;</li>
 *   <li>then turns of a user question and an assistant answer; questions cycle through short
 *       (8 words), medium (40 words) and long (160 words) texts, every second turn in Chinese;</li>
 *   <li>every third turn the assistant first calls tools (one call, every sixth turn two parallel
 *       calls) with JSON object arguments, and each call gets a tool message with a JSON result of
 *       about 200 characters;</li>
 *   <li>every assistant message has an id, a finish reason and token usage (input, output and total
 *       tokens); answers are 30 to 120 words.</li>
 * </ul>
 * LangChain4j's {@code AiMessage} has no id, finish reason or usage, so they travel in its
 * {@code attributes}, which its serializer writes: both sides carry the same information.
 */
public final class FiftyMessageHistory {

    /** The number of messages. */
    public static final int SIZE = 50;

    private static final String[] ENGLISH = ("flight window seat fare business economy booking change refund "
            + "baggage allowance transfer lounge upgrade departure arrival gate terminal delay connection "
            + "passport visa itinerary hotel breakfast checkout shuttle airport weather forecast rain").split(" ");
    private static final String[] CHINESE = ("航班 靠窗 座位 票价 商务舱 经济舱 预订 改签 退票 行李 额度 转机 贵宾室 升舱 "
            + "出发 到达 登机口 航站楼 延误 中转 护照 签证 行程 酒店 早餐 退房 班车 机场 天气 预报").split(" ");

    private final List<ChatMessage> catena = new ArrayList<>();
    private final List<dev.langchain4j.data.message.ChatMessage> langchain4j = new ArrayList<>();

    private FiftyMessageHistory() {
        Random random = new Random(18);
        String system = "You are a helpful assistant for a travel agency. Answer briefly, cite the booking id, "
                + "and call lookup_flight or lookup_hotel before quoting any fare, seat or room. Never invent "
                + "availability. When the user writes in Chinese, answer in Chinese. Prices are in EUR unless the "
                + "user asks otherwise; round to two decimals. If a tool fails, say so and offer to retry. "
                + "Keep answers under 120 words and end with the next step the user can take.";
        catena.add(ChatMessage.system(system));
        langchain4j.add(SystemMessage.from(system));
        for (int turn = 0; catena.size() < SIZE; turn++) {
            boolean chinese = turn % 2 == 1;
            int words = switch (turn % 3) {
                case 0 -> 8;
                case 1 -> 40;
                default -> 160;
            };
            String question = "Turn " + turn + ": " + words(random, words, chinese) + "?";
            catena.add(ChatMessage.user(question));
            langchain4j.add(UserMessage.from(question));
            if (turn % 3 == 0 && catena.size() <= SIZE - 4) {
                int calls = turn % 6 == 0 ? 2 : 1;
                List<ToolCall> toolCalls = new ArrayList<>();
                List<ToolExecutionRequest> requests = new ArrayList<>();
                for (int c = 0; c < calls; c++) {
                    String id = "call_" + turn + "_" + c;
                    String name = c == 0 ? "lookup_flight" : "lookup_hotel";
                    String args = "{\"flight\":\"LH" + (400 + turn) + "\",\"date\":\"2025-06-" + (10 + turn % 18)
                            + "\",\"cabin\":\"business\",\"passengers\":" + (1 + random.nextInt(4)) + "}";
                    toolCalls.add(new ToolCall(id, name, args));
                    requests.add(ToolExecutionRequest.builder().id(id).name(name).arguments(args).build());
                }
                addAi("", toolCalls, requests, "tool_calls", random, turn);
                for (int c = 0; c < calls; c++) {
                    ToolCall call = toolCalls.get(c);
                    String result = "{\"window_seats\":" + random.nextInt(9) + ",\"fare_difference_eur\":"
                            + (100 + random.nextInt(900)) + ".5,\"note\":\"" + words(random, 20, false) + "\"}";
                    catena.add(new ToolMessage(call.id().orElse(null), result, call.name()));
                    langchain4j.add(ToolExecutionResultMessage.from(call.id().orElse(null), call.name(), result));
                }
            }
            if (catena.size() < SIZE) {
                String answer = words(random, 30 + random.nextInt(91), chinese) + ". Booking BK-" + (1000 + turn) + ".";
                addAi(answer, List.of(), List.of(), "stop", random, turn);
            }
        }
        if (catena.size() != SIZE || langchain4j.size() != SIZE) {
            throw new IllegalStateException("the history must have " + SIZE + " messages");
        }
    }

    private void addAi(String text, List<ToolCall> calls, List<ToolExecutionRequest> requests, String finishReason,
                       Random random, int turn) {
        int in = 400 + 180 * catena.size() + random.nextInt(50);
        int out = 20 + random.nextInt(200);
        String id = "run-" + Integer.toHexString(0x10000 * (turn + 1) + catena.size());
        catena.add(new AiMessage(text, calls, null, finishReason, new TokenUsage(in, out, in + out), id, null,
                null, null, null));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("finish_reason", finishReason);
        attributes.put("input_tokens", in);
        attributes.put("output_tokens", out);
        attributes.put("total_tokens", in + out);
        langchain4j.add(dev.langchain4j.data.message.AiMessage.builder().text(text.isEmpty() ? null : text)
                .toolExecutionRequests(requests).attributes(attributes).build());
    }

    private static String words(Random random, int count, boolean chinese) {
        String[] words = chinese ? CHINESE : ENGLISH;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0 && !chinese) {
                sb.append(' ');
            }
            sb.append(words[random.nextInt(words.length)]);
            if (chinese && i % 7 == 6) {
                sb.append('，');
            }
        }
        return sb.toString();
    }

    /**
     * The history in Catena's types.
     *
     * @return 50 messages
     */
    public static List<ChatMessage> catena() {
        return List.copyOf(new FiftyMessageHistory().catena);
    }

    /**
     * The same history in LangChain4j's types.
     *
     * @return 50 messages
     */
    public static List<dev.langchain4j.data.message.ChatMessage> langchain4j() {
        return List.copyOf(new FiftyMessageHistory().langchain4j);
    }
}
