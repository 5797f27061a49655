package dev.catena.core.components;

import java.time.Duration;
import java.time.Instant;

/** A component whose failed calls are tried again as a {@link RetryPolicy} says; each attempt is a child run. */
final class Retrying<I, O> implements Component<I, O> {

    private final Component<I, O> delegate;
    private final RetryPolicy policy;

    Retrying(Component<I, O> delegate, RetryPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public O call(I input, RunConfig config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.invoke(input, config);
            } catch (RuntimeException e) {
                if (e instanceof DeadlineExceededException || !policy.shouldRetry(e, attempt)) {
                    throw e;
                }
                Duration delay = policy.delayAfter(e, attempt);
                if (config.deadline().isPresent() && Instant.now().plus(delay).isAfter(config.deadline().get())) {
                    DeadlineExceededException late = new DeadlineExceededException(
                            "retry #" + attempt + " of " + delegate.name() + " after " + delay.toMillis() + " ms",
                            config.deadline().get());
                    late.addSuppressed(e);
                    throw late;
                }
                try {
                    policy.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }

    @Override
    public String name() {
        return "Retry(" + delegate.name() + ")";
    }

    @Override
    public String kind() {
        // A control-flow run around the real one: reporting the delegate's kind would make
        // usage trackers count a model call twice (once here, once in the child run).
        return "chain";
    }
}
