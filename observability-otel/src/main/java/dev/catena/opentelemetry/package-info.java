/** Exports Catena runs as OpenTelemetry spans, following the GenAI semantic conventions for model calls. */
package dev.catena.opentelemetry;
