/** The JSON forms of messages: OpenAI's wire form and LangChain's {@code messages_to_dict} form, and a Jackson module for every core type. */
package dev.catena.core.json;
