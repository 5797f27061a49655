/** Callback handlers that show runs: a console tree and a JSON Lines file, both masking secrets. */
package dev.catena.core.tracing;
