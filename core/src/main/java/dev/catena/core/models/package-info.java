/**
 * What chat, text and embedding models are to the rest of Catena: the model interfaces, the
 * {@link dev.catena.core.models.PromptValue} they take, chat requests with tools and response
 * formats, the HTTP error they raise, and {@link dev.catena.core.models.TokenCounter}.
 */
package dev.catena.core.models;
