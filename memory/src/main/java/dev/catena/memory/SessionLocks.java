package dev.catena.memory;

import java.util.concurrent.locks.ReentrantLock;

/** Striped locks so one session's summary is brought up to date by one thread at a time. */
final class SessionLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    SessionLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String sessionId) {
        return stripes[Math.floorMod(sessionId.hashCode(), stripes.length)];
    }
}
