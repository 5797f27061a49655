package dev.catena.core.components;

import dev.catena.core.messages.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings for one run that nested runs inherit: callbacks, tags, metadata, a deadline, the
 * maximum concurrency of batches and parallel branches, and the executor they run on.
 *
 * <pre>{@code
 * RunConfig config = RunConfig.builder()
 *         .callbacks(new ConsoleTracer())
 *         .tags("quickstart")
 *         .timeout(Duration.ofSeconds(30))
 *         .build();
 * chain.invoke(input, config);
 * }</pre>
 */
public final class RunConfig {

    /** Batches and parallel branches run at most this many at once unless told otherwise. */
    public static final int DEFAULT_MAX_CONCURRENCY = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RunConfig.class);
    private static final RunConfig DEFAULTS = builder().build();

    private final List<CallbackHandler> callbacks;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final Instant deadline;
    private final int maxConcurrency;
    private final Executor executor;
    private final UUID parentRunId;
    private final RunInfo run;

    private RunConfig(Builder b) {
        this.callbacks = List.copyOf(b.callbacks);
        this.tags = List.copyOf(b.tags);
        this.metadata = Map.copyOf(b.metadata);
        this.deadline = b.deadline;
        this.maxConcurrency = b.maxConcurrency;
        this.executor = b.executor;
        this.parentRunId = b.parentRunId;
        this.run = b.run;
    }

    /** {@return a config with no callbacks, no tags, no deadline and the default concurrency} */
    public static RunConfig defaults() {
        return DEFAULTS;
    }

    /**
     * A builder that starts from the defaults: no callbacks, tags or metadata, no deadline.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this config's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.callbacks.addAll(callbacks);
        b.tags.addAll(tags);
        b.metadata.putAll(metadata);
        b.deadline = deadline;
        b.maxConcurrency = maxConcurrency;
        b.executor = executor;
        b.parentRunId = parentRunId;
        b.run = run;
        return b;
    }

    private RunConfig(RunConfig parent, RunInfo run) {
        this.callbacks = parent.callbacks;
        this.tags = parent.tags;
        this.metadata = parent.metadata;
        this.deadline = parent.deadline;
        this.maxConcurrency = parent.maxConcurrency;
        this.executor = parent.executor;
        this.parentRunId = run.runId();
        this.run = run;
    }

    /** This config for the work of {@code run} and the runs nested in it (a cheap copy: every run makes one). */
    RunConfig child(RunInfo run) {
        return new RunConfig(this, run);
    }

    /**
     * Reports tokens a model spent for the run this config was handed to, to every callback's
     * {@link CallbackHandler#onUsage}. Models call it once per request to their provider, from
     * {@code call}/{@code generate} (or, streaming, when the last chunk brings the final usage), so
     * that only the run that made the request reports it and summing over runs never counts a
     * request twice. Does nothing for null usage (the provider sent none, or a cached answer) or
     * for a config that belongs to no run (one you built yourself and passed straight to
     * {@code generate}, which bypasses callbacks). A handler that throws is logged and ignored.
     *
     * @param usage the tokens one request spent, or null
     */
    public void reportUsage(TokenUsage usage) {
        if (usage == null || run == null) {
            return;
        }
        for (CallbackHandler h : callbacks) {
            try {
                h.onUsage(run, usage);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed on usage of {}: {}", h.getClass().getName(), run.name(), e.toString());
            }
        }
    }

    /** {@return the callback handlers told about every run under this config} */
    public List<CallbackHandler> callbacks() {
        return callbacks;
    }

    /** {@return the tags shown in traces} */
    public List<String> tags() {
        return tags;
    }

    /** {@return the metadata entries shown in traces} */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** {@return the instant by which the whole run must finish, if one was set} */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Time left before the deadline (never negative), if one was set. Models use it as their call timeout.
     *
     * @return the time left, or empty without a deadline
     */
    public Optional<Duration> remaining() {
        if (deadline == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), deadline);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** {@return how many batch items or parallel branches may run at once} */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** {@return the executor for batches and parallel branches; a shared daemon pool unless one was given} */
    public Executor executor() {
        return executor != null ? executor : SharedExecutor.INSTANCE;
    }

    /** {@return the run this config's runs are nested in; empty at the root} */
    public Optional<UUID> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    /** Builds a {@link RunConfig}. */
    public static final class Builder {
        private final List<CallbackHandler> callbacks = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private Instant deadline;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Executor executor;
        private UUID parentRunId;
        private RunInfo run; // kept from toBuilder(), so a modified config still reports usage for its run

        private Builder() {
        }

        /**
         * Adds callback handlers.
         *
         * @param handlers the handlers to add
         * @return this builder
         */
        public Builder callbacks(CallbackHandler... handlers) {
            for (CallbackHandler h : handlers) {
                callbacks.add(Objects.requireNonNull(h, "callback handler"));
            }
            return this;
        }

        /**
         * Adds tags, shown in traces.
         *
         * @param values the tags to add
         * @return this builder
         */
        public Builder tags(String... values) {
            for (String t : values) {
                tags.add(Objects.requireNonNull(t, "tag"));
            }
            return this;
        }

        /**
         * Adds a metadata entry, shown in traces.
         *
         * @param key the metadata key
         * @param value its value
         * @return this builder
         */
        public Builder metadata(String key, Object value) {
            metadata.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        /**
         * The whole run, nested runs included, must finish by this instant.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder deadline(Instant value) {
            this.deadline = value;
            return this;
        }

        /**
         * The whole run must finish within this time from now.
         *
         * @param timeout the time the run may take, from now
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.deadline = Instant.now().plus(timeout);
            return this;
        }

        /**
         * At most this many batch items or parallel branches run at once (at least 1).
         *
         * @param value the limit
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /**
         * Runs batches and parallel branches on this executor (for example a virtual-thread executor on Java
         * 21+).
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** {@return the config with these settings} */
        public RunConfig build() {
            return new RunConfig(this);
        }
    }
}
