package dev.catena.core.models;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures how much heap a piece of work keeps alive: it repeats the work until the JVM has
 * collected garbage several times, and reports the largest heap in use right after a collection
 * (live data plus what the work still holds) above the heap in use after a full GC before it.
 */
final class HeapWatch {

    private HeapWatch() {
    }

    static long heldBytes(Runnable work) throws InterruptedException {
        AtomicLong maxAfterGc = new AtomicLong();
        AtomicInteger collections = new AtomicInteger();
        NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            emitters.add((NotificationEmitter) gc);
        }
        System.gc();
        Thread.sleep(100);
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        emitters.forEach(e -> e.addNotificationListener(listener, null, null));
        try {
            for (int i = 0; i < 500 && collections.get() < 3; i++) {
                work.run();
            }
            Thread.sleep(100); // notifications arrive on another thread
        } finally {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
        if (collections.get() == 0) {
            throw new IllegalStateException("no garbage collection happened; cannot measure held memory");
        }
        return Math.max(0, maxAfterGc.get() - baseline);
    }
}
