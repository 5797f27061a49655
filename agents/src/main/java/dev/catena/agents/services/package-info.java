/**
 * Typed AI services: a Java interface whose methods carry their prompts, implemented from the existing
 * components by {@link dev.catena.agents.services.AiServices}.
 */
package dev.catena.agents.services;
