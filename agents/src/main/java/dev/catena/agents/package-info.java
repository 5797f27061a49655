/**
 * Catena agents: an {@link dev.catena.agents.AgentExecutor} runs the loop (decide, call tools, observe) with
 * limits, approvals, memory and streamed steps; {@link dev.catena.agents.ToolCallingAgent} decides with the
 * model's native tool calls, {@link dev.catena.agents.ReActAgent} with the text ReAct format.
 */
package dev.catena.agents;
