package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The main of a child JVM started by {@link MultiProcessAppendTest}: opens each store it is given,
 * prints {@code ready}, waits for {@code go} on standard input (so all children start appending
 * together), then appends {@code writer:0 … writer:(count-1)} to the same session of every store,
 * in turn: one message per add, or as many as the system property {@code catena.test.batch} says.
 *
 * <p>Arguments: {@code writer count session store...}, where a store is a JDBC URL followed by
 * {@code |table}. Other modules' stores run through {@link #run} with their own opener.
 */
public final class AppendingProcess {

    /** The system property giving how many messages each add holds (default 1). */
    static final String BATCH_PROPERTY = "catena.test.batch";

    private AppendingProcess() {
    }

    public static void main(String[] args) throws Exception {
        run(args, AppendingProcess::open);
    }

    /** Appends as {@link #main} says, opening each store with {@code opener}. */
    static void run(String[] args, Function<String, ChatMessageHistory> opener) throws Exception {
        String writer = args[0];
        int count = Integer.parseInt(args[1]);
        String session = args[2];
        List<ChatMessageHistory> stores = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            stores.add(opener.apply(args[i]));
        }
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            System.exit(2);
        }
        int batch = Integer.getInteger(BATCH_PROPERTY, 1);
        for (int i = 0; i < count; i += batch) {
            List<ChatMessage> messages = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + batch); j++) {
                messages.add(ChatMessage.user(writer + ":" + j));
            }
            for (ChatMessageHistory store : stores) {
                store.add(session, messages);
            }
            // Give up the core between adds: on a busy machine one writer could otherwise finish
            // before the others are scheduled, and the run would test no overlap at all.
            Thread.sleep(1);
        }
        ChatMessageHistoryContract.closeAll(stores.toArray());
        System.out.println("done");
    }

    static ChatMessageHistory open(String store) {
        int bar = store.lastIndexOf('|');
        return JdbcChatMessageHistory.builder().url(store.substring(0, bar)).table(store.substring(bar + 1)).build();
    }
}
