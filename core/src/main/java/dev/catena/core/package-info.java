/**
 * Catena's core: the exceptions every module shares. The concepts live in sub-packages, one room
 * each, as in LangChain's core: {@code messages}, {@code components} (the one composition
 * interface and its run machinery), {@code models} (model interfaces, requests, prompt values,
 * token counting), {@code documents} (documents and retrievers), {@code tools}, {@code history}
 * (chat message histories), plus {@code json}, {@code tracing}, {@code vector} and {@code text}.
 */
package dev.catena.core;
