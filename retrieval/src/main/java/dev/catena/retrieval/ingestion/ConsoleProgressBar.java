package dev.catena.retrieval.ingestion;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws an ingestion run's progress on one console line, redrawn in place:
 * {@code [##########..........]  50%  120 docs (3 skipped)  840 chunks  61,200 tokens  350 chunks/s  ETA 0:05}.
 * Without an expected document count it shows counts and rates only. Ends the line when the run finishes.
 */
public final class ConsoleProgressBar implements IngestionListener {

    private static final int WIDTH = 20;

    private final PrintStream out;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    /** A bar on standard output. */
    public ConsoleProgressBar() {
        this(System.out);
    }

    /**
     * A bar printed to this stream.
     *
     * @param out the stream to print to
     */
    public ConsoleProgressBar(PrintStream out) {
        this.out = Objects.requireNonNull(out, "output stream");
    }

    @Override
    public void onProgress(IngestionProgress p) {
        lock.lock(); // reports from concurrent batches must not interleave on the line
        try {
            out.print("\r" + render(p) + (p.finished() ? System.lineSeparator() : ""));
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return the line for one progress report}
     *
     * @param p the progress so far
     */
    public static String render(IngestionProgress p) {
        StringBuilder line = new StringBuilder();
        p.fraction().ifPresent(f -> {
            int filled = (int) Math.round(f * WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(f * 100)));
        });
        line.append(String.format(Locale.ROOT, "%,d docs", p.documentsLoaded()));
        if (p.documentsSkipped() > 0) {
            line.append(String.format(Locale.ROOT, " (%,d skipped)", p.documentsSkipped()));
        }
        line.append(String.format(Locale.ROOT, "  %,d chunks  %,d tokens  %.0f chunks/s",
                p.chunksStored(), p.tokensEmbedded(), p.chunksPerSecond()));
        if (!p.finished()) {
            p.eta().ifPresent(eta -> line.append("  ETA ").append(clock(eta)));
        } else {
            line.append("  done in ").append(clock(p.elapsed()));
        }
        return line.toString();
    }

    private static String clock(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
