/**
 * Tools for agents: tools from annotated Java methods ({@link dev.catena.agents.tools.MethodTools}) and from
 * lambdas with an explicit schema ({@link dev.catena.agents.tools.FunctionTool}), with per-tool options
 * (return direct, timeout, approval).
 */
package dev.catena.agents.tools;
