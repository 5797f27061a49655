/**
 * The one composition interface, {@link dev.catena.core.components.Component}, and what runs it:
 * {@link dev.catena.core.components.RunConfig} (callbacks, tags, deadline, concurrency),
 * {@link dev.catena.core.components.CallbackHandler}, retry policy. The composition machinery
 * (sequences, batches, fallbacks, parallel maps) is package-private: use it through
 * {@code Component}'s methods.
 */
package dev.catena.core.components;
