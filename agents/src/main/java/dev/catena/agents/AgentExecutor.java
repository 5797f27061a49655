package dev.catena.agents;

import dev.catena.agents.tools.AgentTool;
import dev.catena.agents.tools.Approval;
import dev.catena.agents.tools.ToolApprover;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import dev.catena.core.tools.ToolSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs an agent loop (LangChain's {@code AgentExecutor}): the {@link Agent} decides, the executor
 * calls the tools and hands their results back, until the agent answers or a limit is reached.
 * <ul>
 *   <li>limits: at most {@code maxIterations} decisions and {@code maxTime} of wall time, checked
 *       before each decision; at a limit, {@link EarlyStopping#FORCE} returns a stop message and
 *       {@link EarlyStopping#GENERATE} asks the model once for a final answer;</li>
 *   <li>a tool's error, a call to an unknown tool, a tool timeout or a denied approval is not thrown:
 *       it becomes the observation the model reads next, so it can correct itself;</li>
 *   <li>several calls in one decision run concurrently (at most {@code maxConcurrency} at a time),
 *       their results kept in call order;</li>
 *   <li>with a {@link ChatMessageHistory}, each session's past turns go to the agent and each turn's
 *       input and answer are added after it;</li>
 *   <li>every model and tool call is a child run of the executor's run, so tracers see each step.</li>
 * </ul>
 *
 * <pre>{@code
 * AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
 *         .tools(MethodTools.from(new Weather()))
 *         .maxIterations(5)
 *         .build();
 * AgentResult result = executor.invoke(AgentRequest.of("How warm is it in Oslo?"));
 * }</pre>
 */
public final class AgentExecutor implements Component<AgentRequest, AgentResult> {

    /** The answer of a run stopped at a limit with {@link EarlyStopping#FORCE} (LangChain's wording). */
    public static final String STOPPED = "Agent stopped due to iteration limit or time limit.";

    private final Agent agent;
    private final Map<String, AgentTool> tools;
    private final List<ToolSpec> specs;
    private final int maxIterations;
    private final Duration maxTime;
    private final EarlyStopping earlyStopping;
    private final boolean returnIntermediateSteps;
    private final ChatMessageHistory history;
    private final ToolApprover approver;
    private final int maxConcurrency;

    private AgentExecutor(Builder builder) {
        this.agent = builder.agent;
        this.tools = Map.copyOf(builder.tools);
        this.specs = builder.tools.values().stream().map(t -> t.tool().spec()).toList();
        this.maxIterations = builder.maxIterations;
        this.maxTime = builder.maxTime;
        this.earlyStopping = builder.earlyStopping;
        this.returnIntermediateSteps = builder.returnIntermediateSteps;
        this.history = builder.history;
        this.approver = builder.approver;
        this.maxConcurrency = builder.maxConcurrency;
    }

    /**
     * {@return a builder for an executor of this agent}
     *
     * @param agent decides each step
     */
    public static Builder builder(Agent agent) {
        return new Builder(agent);
    }

    /**
     * Runs one turn outside any session, traced.
     *
     * @param input what the user asks
     * @return the answer, steps and stop reason
     */
    public AgentResult run(String input) {
        return invoke(AgentRequest.of(input));
    }

    /**
     * Runs one turn of a session, traced; the session's past turns come from the executor's history.
     *
     * @param sessionId the conversation
     * @param input what the user asks
     * @return the answer, steps and stop reason
     */
    public AgentResult run(String sessionId, String input) {
        return invoke(new AgentRequest(input, sessionId));
    }

    @Override
    public AgentResult call(AgentRequest request, RunConfig config) {
        return loop(request, config, null);
    }

    /**
     * Runs one turn on another thread and streams what happens: each action, each observation, the
     * final answer's tokens as the model streams them, and last the result. Closing the stream stops
     * the run at its next step.
     *
     * @param request what the user asks, in which session
     * @param config callbacks, tags and deadline; the run is traced with them
     * @return a lazy stream of events ending with {@link AgentEvent.Finished}
     */
    public Stream<AgentEvent> streamEvents(AgentRequest request, RunConfig config) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object end = new Object();
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                AgentResult result = dev.catena.core.components.Run.trace(this, request, config,
                        child -> loop(request, child, queue::add));
                queue.add(new AgentEvent.Finished(result));
            } catch (RuntimeException | Error e) {
                queue.add(e);
            } finally {
                queue.add(end);
            }
            return null;
        });
        config.executor().execute(task);
        Spliterator<AgentEvent> events = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super AgentEvent> action) {
                if (done) {
                    return false;
                }
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    task.cancel(true);
                    throw new CancellationException("interrupted while waiting for the agent's next event");
                }
                if (next == end) {
                    done = true;
                    return false;
                }
                if (next instanceof RuntimeException e) {
                    done = true;
                    throw e;
                }
                if (next instanceof Error e) {
                    done = true;
                    throw e;
                }
                action.accept((AgentEvent) next);
                return true;
            }
        };
        return StreamSupport.stream(events, false).onClose(() -> task.cancel(true));
    }

    private AgentResult loop(AgentRequest request, RunConfig config, Consumer<AgentEvent> events) {
        Instant deadline = maxTime == null ? null : Instant.now().plus(maxTime);
        List<ChatMessage> past = history != null && request.sessionId() != null
                ? history.messages(request.sessionId()) : List.of();
        List<AgentStep> steps = new ArrayList<>();
        Consumer<String> tokens = events == null ? null : text -> events.accept(new AgentEvent.AnswerToken(text));
        AgentResult result = null;
        for (int iteration = 0; result == null; iteration++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the agent run was cancelled");
            }
            StopReason limit = iteration >= maxIterations ? StopReason.MAX_ITERATIONS
                    : deadline != null && !Instant.now().isBefore(deadline) ? StopReason.MAX_TIME : null;
            AgentInput input = new AgentInput(request.input(), past, steps, specs);
            if (limit != null) {
                String output = earlyStopping == EarlyStopping.FORCE ? STOPPED : agent.finalAnswer(input, config);
                if (tokens != null && earlyStopping == EarlyStopping.FORCE) {
                    tokens.accept(output);
                }
                result = result(output, steps, limit);
                break;
            }
            AgentDecision decision = agent.plan(input, config, tokens);
            if (decision instanceof AgentDecision.Finish finish) {
                result = result(finish.output(), steps, StopReason.FINISHED);
            } else if (decision instanceof AgentDecision.Malformed malformed) {
                AgentStep step = new AgentStep(new AgentAction(AgentAction.MALFORMED, "{}", "malformed-" + iteration,
                        malformed.reply(), null), malformed.error());
                steps.add(step);
                if (events != null) {
                    events.accept(new AgentEvent.Observation(step));
                }
            } else {
                List<AgentStep> taken = act(((AgentDecision.Act) decision).actions(), config, events);
                steps.addAll(taken);
                for (AgentStep step : taken) {
                    AgentTool tool = tools.get(step.action().tool());
                    if (tool != null && tool.options().returnDirect()) {
                        result = result(step.observation(), steps, StopReason.RETURN_DIRECT);
                        break;
                    }
                }
            }
        }
        if (history != null && request.sessionId() != null) {
            history.add(request.sessionId(), List.of(ChatMessage.user(request.input()), ChatMessage.ai(result.output())));
        }
        return result;
    }

    private AgentResult result(String output, List<AgentStep> steps, StopReason reason) {
        return new AgentResult(output, returnIntermediateSteps ? steps : List.of(), reason);
    }

    /** Approves, then runs the calls, concurrently when there are several; steps in call order. */
    private List<AgentStep> act(List<AgentAction> actions, RunConfig config, Consumer<AgentEvent> events) {
        List<AgentAction> approved = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (AgentAction action : actions) {
            AgentTool tool = tools.get(action.tool());
            String refusal = null;
            AgentAction toRun = action;
            if (tool == null) {
                refusal = "There is no tool named '" + action.tool() + "'. The tools are " + tools.keySet().stream().sorted().toList()
                        + "; call one of them.";
            } else if (tool.options().needsApproval()) {
                Approval approval = approver == null
                        ? Approval.deny("no approver is configured for tools that need approval")
                        : approver.review(new ToolCall(action.callId(), action.tool(), action.arguments()));
                if (approval instanceof Approval.Deny deny) {
                    refusal = "The call to tool '" + action.tool() + "' was denied: " + deny.reason()
                            + ". Do not repeat it; answer without it or try something else.";
                } else if (approval instanceof Approval.Edit edit) {
                    toRun = action.withArguments(edit.arguments());
                }
            }
            approved.add(toRun);
            refusals.add(refusal);
            if (events != null) {
                events.accept(new AgentEvent.Action(toRun));
            }
        }
        List<FutureTask<String>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(maxConcurrency);
        for (int i = 0; i < approved.size(); i++) {
            AgentAction action = approved.get(i);
            if (refusals.get(i) != null) {
                running.add(null);
                continue;
            }
            Tool tool = tools.get(action.tool()).tool();
            FutureTask<String> task = new FutureTask<>(() -> {
                try {
                    return observe(tool, action.arguments(), config);
                } finally {
                    slots.release();
                }
            });
            running.add(task);
            boolean inline = approved.size() == 1 && tools.get(action.tool()).options().timeout().isZero();
            if (inline) {
                slots.acquireUninterruptibly();
                task.run();
            } else {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(t -> { if (t != null) t.cancel(true); });
                    throw new CancellationException("the agent run was cancelled while calling tools");
                }
                config.executor().execute(task);
            }
        }
        List<AgentStep> steps = new ArrayList<>();
        for (int i = 0; i < approved.size(); i++) {
            AgentAction action = approved.get(i);
            String observation = refusals.get(i) != null ? refusals.get(i)
                    : await(running.get(i), action.tool(), tools.get(action.tool()).options().timeout());
            AgentStep step = new AgentStep(action, observation);
            steps.add(step);
            if (events != null) {
                events.accept(new AgentEvent.Observation(step));
            }
        }
        return steps;
    }

    private static String observe(Tool tool, String arguments, RunConfig config) {
        try {
            return tool.invoke(arguments, config);
        } catch (ToolExecutionException e) {
            return e.getMessage();
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return "tool '" + tool.spec().name() + "' failed: " + e;
        }
    }

    private static String await(FutureTask<String> task, String toolName, Duration timeout) {
        try {
            return timeout.isZero() ? task.get() : task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return "tool '" + toolName + "' did not answer within " + timeout.toMillis()
                    + " ms and was stopped; try simpler arguments or another tool.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new CancellationException("the agent run was cancelled while waiting for tool '" + toolName + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public String kind() {
        return "agent";
    }

    /** Configures an {@link AgentExecutor}; every setting has a default but the agent. */
    public static final class Builder {

        private final Agent agent;
        private final Map<String, AgentTool> tools = new LinkedHashMap<>();
        private int maxIterations = 15;
        private Duration maxTime;
        private EarlyStopping earlyStopping = EarlyStopping.FORCE;
        private boolean returnIntermediateSteps;
        private ChatMessageHistory history;
        private ToolApprover approver;
        private int maxConcurrency = 4;

        private Builder(Agent agent) {
            this.agent = Objects.requireNonNull(agent, "agent");
        }

        /**
         * Adds tools with their options.
         *
         * @param values the tools; names must be unique
         * @return this builder
         */
        public Builder tools(List<AgentTool> values) {
            values.forEach(this::tool);
            return this;
        }

        /**
         * Adds a tool with default options.
         *
         * @param value the tool; its name must be unique
         * @return this builder
         */
        public Builder tool(Tool value) {
            return tool(AgentTool.of(value));
        }

        /**
         * Adds a tool with its options.
         *
         * @param value the tool; its name must be unique
         * @return this builder
         */
        public Builder tool(AgentTool value) {
            if (tools.putIfAbsent(value.name(), value) != null) {
                throw new IllegalArgumentException("two tools are named '" + value.name()
                        + "': the model tells them apart by name, so rename one");
            }
            return this;
        }

        /**
         * Sets the most decisions one run may take (default 15).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxIterations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + value);
            }
            this.maxIterations = value;
            return this;
        }

        /**
         * Sets the most wall time one run may take, checked before each decision (default none).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder maxTime(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("maxTime must be a positive duration, got " + value);
            }
            this.maxTime = value;
            return this;
        }

        /**
         * Sets what to answer at a limit (default {@link EarlyStopping#FORCE}).
         *
         * @param value force a stop message, or generate a final answer
         * @return this builder
         */
        public Builder earlyStopping(EarlyStopping value) {
            this.earlyStopping = Objects.requireNonNull(value, "earlyStopping");
            return this;
        }

        /**
         * Sets whether results carry each action and observation (default false).
         *
         * @param value true to return the steps
         * @return this builder
         */
        public Builder returnIntermediateSteps(boolean value) {
            this.returnIntermediateSteps = value;
            return this;
        }

        /**
         * Keeps each session's turns here, and gives the agent the past turns of a request's session.
         *
         * @param value the history (for example from the memory module)
         * @return this builder
         */
        public Builder history(ChatMessageHistory value) {
            this.history = Objects.requireNonNull(value, "history");
            return this;
        }

        /**
         * Sets who approves calls of tools that need approval; without one such calls are denied.
         *
         * @param value allows, denies or edits each call
         * @return this builder
         */
        public Builder approver(ToolApprover value) {
            this.approver = Objects.requireNonNull(value, "approver");
            return this;
        }

        /**
         * Sets how many tool calls of one decision may run at once (default 4).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /** {@return the executor} */
        public AgentExecutor build() {
            if (tools.isEmpty()) {
                throw new IllegalStateException("an agent executor needs at least one tool: add them with tools(...)");
            }
            return new AgentExecutor(this);
        }
    }
}
