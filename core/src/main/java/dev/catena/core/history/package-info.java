/** Where chat messages are kept: {@link dev.catena.core.history.ChatMessageHistory}, one store keyed by session id. */
package dev.catena.core.history;
