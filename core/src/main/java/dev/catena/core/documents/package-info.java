/** Documents (text, metadata, id) and the {@link dev.catena.core.documents.Retriever} that finds them. */
package dev.catena.core.documents;
