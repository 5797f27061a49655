package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;

class InMemoryChatMessageHistoryTest extends ChatMessageHistoryContract {

    private final InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();

    @Override
    ChatMessageHistory create() {
        return history;
    }

    @Override
    boolean keepsText() {
        return false;
    }

    @Override
    boolean shared() {
        return false;
    }
}
