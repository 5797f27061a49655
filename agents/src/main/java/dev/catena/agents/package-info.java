/**
 * Catena agents: reserved for the agents issue; see ARCHITECTURE.md for what belongs here.
 */
package dev.catena.agents;
