/** Tools a model can call: the {@link dev.catena.core.tools.Tool} component and its {@link dev.catena.core.tools.ToolSpec}. */
package dev.catena.core.tools;
