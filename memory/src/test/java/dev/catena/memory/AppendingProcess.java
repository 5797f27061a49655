package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The main of a child JVM started by {@link MultiProcessAppendTest}: opens each store it is given,
 * prints {@code ready}, waits for {@code go} on standard input (so all children start appending
 * together), then appends {@code writer:0 … writer:(count-1)} one message at a time to the same
 * session of every store, in turn.
 *
 * <p>Arguments: {@code writer count session store...}, where a store is {@code redis://…} or a JDBC
 * URL followed by {@code |table}.
 */
public final class AppendingProcess {

    private AppendingProcess() {
    }

    public static void main(String[] args) throws Exception {
        String writer = args[0];
        int count = Integer.parseInt(args[1]);
        String session = args[2];
        List<ChatMessageHistory> stores = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            stores.add(open(args[i]));
        }
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            System.exit(2);
        }
        for (int i = 0; i < count; i++) {
            ChatMessage message = ChatMessage.user(writer + ":" + i);
            for (ChatMessageHistory store : stores) {
                store.add(session, message);
            }
        }
        ChatMessageHistoryContract.closeAll(stores.toArray());
        System.out.println("done");
    }

    static ChatMessageHistory open(String store) {
        if (store.startsWith("redis://")) {
            return RedisChatMessageHistory.builder(store).build();
        }
        int bar = store.lastIndexOf('|');
        return JdbcChatMessageHistory.builder().url(store.substring(0, bar)).table(store.substring(bar + 1)).build();
    }
}
