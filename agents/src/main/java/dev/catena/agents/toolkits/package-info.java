/**
 * Toolkits: sets of tools an agent can use, each safe by default. {@link dev.catena.agents.toolkits.MathToolkit}
 * (a calculator with its own parser), {@link dev.catena.agents.toolkits.FileSystemToolkit} (one root
 * folder), {@link dev.catena.agents.toolkits.HttpToolkit} (public addresses only),
 * {@link dev.catena.agents.toolkits.SqlToolkit} (read-only queries) and
 * {@link dev.catena.agents.toolkits.RetrieverTool} (a knowledge base as a tool).
 *
 * <p>Error policy: bad arguments, refusals (a path outside the root, a private address, a writing
 * query) and failures throw {@link dev.catena.core.tools.ToolExecutionException} with a message
 * written for the model; an agent feeds it back as the observation, and the run's trace shows it as an
 * error, so refusals can be audited. Results that are merely empty or unwelcome (no search hit, zero
 * rows, an HTTP 404) are returned as text: they are answers, not mistakes.
 */
package dev.catena.agents.toolkits;
