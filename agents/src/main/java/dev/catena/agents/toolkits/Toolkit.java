package dev.catena.agents.toolkits;

import dev.catena.core.tools.Tool;
import java.util.List;

/**
 * A set of tools that together do one task (calculate, work with files, fetch web pages, query a
 * database), handed to an agent as a whole.
 *
 * <p>Every toolkit here is safe by default: what could harm the machine it runs on (writing files,
 * POST requests, reaching private networks, changing a database) is refused unless the builder
 * enables it. Refusals and bad arguments throw {@link dev.catena.core.tools.ToolExecutionException}
 * with a message written for the model, so an agent feeds it back and the model can correct itself.
 */
public interface Toolkit {

    /**
     * The tools of this toolkit, in a stable order.
     *
     * @return the tools, never null
     */
    List<Tool> tools();
}
