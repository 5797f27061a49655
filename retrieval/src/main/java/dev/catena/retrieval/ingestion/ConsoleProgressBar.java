package dev.catena.retrieval.ingestion;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shows an ingestion run's progress:
 * {@code [##########..........]  50%  120 docs (3 skipped)  840 chunks  61,200 tokens  350 chunks/s  ETA 0:05}.
 * Without an expected document count it shows counts and rates only.
 *
 * <p>On a terminal the line is redrawn in place (with a carriage return) and ended when the run
 * finishes. When the output is not a terminal (redirected to a file or a CI log, where carriage
 * returns pile up into one garbled line) it prints plain lines instead, at most one per interval
 * of the run's elapsed time, plus the final one: {@link #lines}.
 */
public final class ConsoleProgressBar implements IngestionListener {

    private static final int WIDTH = 20;
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final PrintStream out;
    private final Duration interval; // null: redraw one line in place
    private final ReentrantLock lock = new ReentrantLock();
    private Duration lastPrinted;

    /**
     * Progress on standard output: a bar redrawn in place if the program runs on a terminal
     * ({@link System#console()} is present), otherwise plain lines every 2 seconds.
     */
    public ConsoleProgressBar() {
        this(System.out, System.console() == null ? DEFAULT_INTERVAL : null);
    }

    /**
     * A bar redrawn in place on {@code out}, which must be a terminal; see {@link #lines} for anything else.
     *
     * @param out the terminal stream the bar is drawn on
     */
    public ConsoleProgressBar(PrintStream out) {
        this(out, null);
    }

    private ConsoleProgressBar(PrintStream out, Duration interval) {
        this.out = Objects.requireNonNull(out, "output stream");
        this.interval = interval;
    }

    /**
     * Plain progress lines on {@code out}, for logs and redirected output: the first report, then at
     * most one line per {@code interval} of the run's elapsed time, and always the final report.
     *
     * @param out      the stream the lines are printed on
     * @param interval the least elapsed time between two printed lines (zero prints every report)
     * @return the progress listener
     * @throws IllegalArgumentException if the interval is negative
     */
    public static ConsoleProgressBar lines(PrintStream out, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between progress lines must not be negative, was " + interval);
        }
        return new ConsoleProgressBar(out, interval);
    }

    @Override
    public void onProgress(IngestionProgress p) {
        lock.lock(); // reports from concurrent batches must not interleave on the line
        try {
            if (interval == null) {
                out.print("\r" + render(p) + (p.finished() ? System.lineSeparator() : ""));
            } else if (p.finished() || lastPrinted == null || p.elapsed().compareTo(lastPrinted.plus(interval)) >= 0) {
                out.print(render(p) + System.lineSeparator());
                lastPrinted = p.elapsed();
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The line for one progress report.
     *
     * @param p the progress report
     * @return the rendered line, without a line separator
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
